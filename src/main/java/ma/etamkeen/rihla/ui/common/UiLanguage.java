package ma.etamkeen.rihla.ui.common;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;

/**
 * The language of the user interface and the one place that turns it into messages, formats and a node
 * orientation: Arabic makes the window and every dialog right-to-left.
 */
public final class UiLanguage {
    private final ObjectProperty<Language> language;
    private final ObjectProperty<Digits> digits;
    private final ObjectBinding<Messages> messages;
    private final ObjectBinding<NodeOrientation> orientation;

    public UiLanguage(Language initial) {
        this(initial, Digits.LATIN);
    }

    public UiLanguage(Language initial, Digits initialDigits) {
        language = new SimpleObjectProperty<>(this, "language", initial);
        digits = new SimpleObjectProperty<>(this, "digits", initialDigits);
        messages = Bindings.createObjectBinding(() -> Messages.of(language.get(), digits.get()), language, digits);
        orientation = Bindings.createObjectBinding(() -> language.get().isRightToLeft()
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT, language);
        // JavaFX's own controls (text field menus, the date picker) take their texts and formats from the
        // default locale. Its digits stay Latin: third-party code formats with it too.
        Locale.setDefault(initial.locale());
        language.addListener((obs, old, now) -> Locale.setDefault(now.locale()));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Digits> digitsProperty() {
        return digits;
    }

    public Language get() {
        return language.get();
    }

    public Messages messages() {
        return messages.get();
    }

    public ObjectBinding<Messages> messagesBinding() {
        return messages;
    }

    /** The locale dates and numbers are written with (with the chosen digits). */
    public Locale formatLocale() {
        return messages.get().formatLocale();
    }

    /** See {@link Messages#dates}. */
    public DateTimeFormatter date(FormatStyle style) {
        return messages().dates(style, null);
    }

    public DateTimeFormatter dateTime(FormatStyle style) {
        return messages().dates(style, style);
    }

    public DateTimeFormatter time(FormatStyle style) {
        return messages().dates(null, style);
    }

    /** Binds the orientation of a window's or dialog's root to the language. */
    public void orient(Node root) {
        root.nodeOrientationProperty().bind(orientation);
    }
}
