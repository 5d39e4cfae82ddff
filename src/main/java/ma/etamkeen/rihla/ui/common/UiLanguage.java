package ma.etamkeen.rihla.ui.common;

import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;

/**
 * The language of the user interface and the one place that turns it into a node orientation:
 * Arabic makes the window and every dialog right-to-left.
 */
public final class UiLanguage {
    private final ObjectProperty<Language> language;
    private final ObjectBinding<Messages> messages;
    private final ObjectBinding<NodeOrientation> orientation;

    public UiLanguage(Language initial) {
        language = new SimpleObjectProperty<>(this, "language", initial);
        messages = Bindings.createObjectBinding(() -> Messages.of(language.get()), language);
        orientation = Bindings.createObjectBinding(() -> language.get().isRightToLeft()
                ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT, language);
        // JavaFX's own controls (the date picker's calendar, its text) format with the default locale.
        Locale.setDefault(Locale.Category.FORMAT, initial.locale());
        language.addListener((obs, old, now) -> Locale.setDefault(Locale.Category.FORMAT, now.locale()));
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
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

    /** Binds the orientation of a window's or dialog's root to the language. */
    public void orient(Node root) {
        root.nodeOrientationProperty().bind(orientation);
    }
}
