package ma.etamkeen.rihla.ui.common;

import java.util.function.Consumer;

import javafx.scene.control.TextFormatter;
import javafx.scene.control.TextInputControl;

import ma.etamkeen.rihla.i18n.Messages;

/** What every field holding user text does: takes the direction of its text, and refuses oversized input. */
public final class TextInputs {
    private TextInputs() {
    }

    /**
     * A French note reads left-to-right in the Arabic window and an Arabic one right-to-left in the French
     * window: the field's direction follows its first strong character (the window's while empty).
     */
    public static void followTextDirection(TextInputControl field) {
        field.setNodeOrientation(TextDirection.of(field.getText()));
        field.textProperty().addListener((obs, old, text) -> field.setNodeOrientation(TextDirection.of(text)));
    }

    /**
     * Refuses any edit (typing or pasting) that would make the text longer than {@code maxChars}; the field
     * keeps its text and {@code refused} gets the message to show.
     */
    public static void limit(TextInputControl field, int maxChars, Messages messages, Consumer<String> refused) {
        field.setTextFormatter(new TextFormatter<String>(change -> {
            int length = change.getControlNewText().length();
            if (length > maxChars && length > change.getControlText().length()) {
                refused.accept(messages.format("input.text-too-long", length, maxChars));
                return null;
            }
            return change;
        }));
    }

    /** Both: for every field holding user text. */
    public static void userText(TextInputControl field, int maxChars, Messages messages, Consumer<String> refused) {
        followTextDirection(field);
        limit(field, maxChars, messages, refused);
    }
}
