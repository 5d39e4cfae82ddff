package ma.etamkeen.rihla.ui.settings;

import java.util.Optional;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.Preferences;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The settings dialog: language, digits and text size, applied together. */
public final class SettingsViewModel {
    private final WindowContext context;
    private final ObjectProperty<Language> language;
    private final ObjectProperty<Digits> digits;
    private final IntegerProperty textSize;

    public SettingsViewModel(WindowContext context) {
        this.context = context;
        Preferences now = context.preferencesProperty().get();
        language = new SimpleObjectProperty<>(this, "language", context.language().get());
        digits = new SimpleObjectProperty<>(this, "digits", now.digits());
        textSize = new SimpleIntegerProperty(this, "textSize", now.textSize());
    }

    public WindowContext context() {
        return context;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public ObjectProperty<Digits> digitsProperty() {
        return digits;
    }

    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    /** Applies and remembers the choices; a new language redraws the window at once. */
    public void apply() {
        context.preferencesProperty().set(new Preferences(Optional.of(language.get()), digits.get(), textSize.get()));
    }
}
