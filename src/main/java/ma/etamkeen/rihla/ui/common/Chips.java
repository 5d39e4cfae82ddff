package ma.etamkeen.rihla.ui.common;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/** Small rounded labels: theme chips and the "to be confirmed" badge. */
public final class Chips {
    private Chips() {
    }

    public static List<Label> of(List<String> texts) {
        return texts.stream().map(Chips::chip).toList();
    }

    public static Label chip(String text) {
        Label chip = new Label(text);
        chip.getStyleClass().add("chip");
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    public static Label toConfirm(String text, String explanation) {
        Label badge = new Label(text);
        badge.getStyleClass().add("badge-to-confirm");
        badge.setTooltip(new Tooltip(explanation));
        badge.setMinWidth(Region.USE_PREF_SIZE);
        return badge;
    }
}
