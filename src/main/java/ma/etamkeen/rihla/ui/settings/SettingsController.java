package ma.etamkeen.rihla.ui.settings;

import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.Preferences;
import ma.etamkeen.rihla.ui.common.Texts;

/** Binds the settings dialog. */
public final class SettingsController {
    private final SettingsViewModel viewModel;

    @FXML
    private ChoiceBox<Language> languageBox;
    @FXML
    private ChoiceBox<Digits> digitsBox;
    @FXML
    private Spinner<Integer> sizeSpinner;

    public SettingsController(SettingsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        Messages messages = viewModel.context().language().messages();
        languageBox.getItems().setAll(Language.AR, Language.FR, Language.EN);
        languageBox.setConverter(Texts.converter(language -> messages.get("language." + language.code())));
        languageBox.valueProperty().bindBidirectional(viewModel.languageProperty());
        digitsBox.getItems().setAll(Digits.values());
        digitsBox.setConverter(Texts.converter(digits -> messages.get(digits == Digits.LATIN
                ? "digits.latin" : "digits.arabic-indic")));
        digitsBox.valueProperty().bindBidirectional(viewModel.digitsProperty());
        digitsBox.disableProperty().bind(languageBox.valueProperty().isNotEqualTo(Language.AR));
        sizeSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(Preferences.MIN_TEXT_SIZE,
                Preferences.MAX_TEXT_SIZE, viewModel.textSizeProperty().get()));
        sizeSpinner.valueProperty().addListener((obs, old, size) -> viewModel.textSizeProperty().set(size));
    }

    @FXML
    private void apply() {
        viewModel.apply();
        sizeSpinner.getScene().getWindow().hide();
    }
}
