package ma.etamkeen.rihla.ui.common;

import java.time.LocalTime;
import java.time.format.FormatStyle;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The quiet "saved" indicator of the status bar: what the last save did. */
public final class SaveStatus {
    private final UiLanguage language;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper style = new ReadOnlyStringWrapper(this, "style", "");

    public SaveStatus(UiLanguage language) {
        this.language = language;
    }

    public void saving() {
        set(language.messages().get("status.saving"), "saving");
    }

    public void saved() {
        String time = language.time(FormatStyle.SHORT).format(LocalTime.now());
        set(language.messages().format("status.saved", time), "saved");
    }

    public void failed(String message) {
        set(message, "failed");
    }

    /** A passing word about what just happened (moved to the trash, restored ...). */
    public void info(String message) {
        set(message, "info");
    }

    private void set(String message, String kind) {
        text.set(message);
        style.set(kind);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** saving, saved, failed or info: the status bar colours the text with it. */
    public ReadOnlyStringProperty styleProperty() {
        return style.getReadOnlyProperty();
    }
}
