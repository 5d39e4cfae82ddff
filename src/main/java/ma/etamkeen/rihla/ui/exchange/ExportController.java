package ma.etamkeen.rihla.ui.exchange;

import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.exchange.ExportViewModel.Scope;

/** Binds the export dialog: the three scopes, the colleague, and Export… (which asks where to save). */
public final class ExportController {
    private final ExportViewModel viewModel;
    private final UiLanguage language;
    private final Function<String, Path> chooseTarget;

    @FXML
    private RadioButton allRadio;
    @FXML
    private RadioButton mineRadio;
    @FXML
    private RadioButton sinceRadio;
    @FXML
    private ComboBox<Delegate> colleagueBox;
    @FXML
    private Label lastExportLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label messageLabel;
    @FXML
    private Button exportButton;

    /** @param chooseTarget asks where to save, given a suggested file name; null when the user cancels */
    public ExportController(ExportViewModel viewModel, UiLanguage language, Function<String, Path> chooseTarget) {
        this.viewModel = viewModel;
        this.language = language;
        this.chooseTarget = chooseTarget;
    }

    @FXML
    private void initialize() {
        Messages messages = language.messages();
        ToggleGroup scopes = new ToggleGroup();
        allRadio.setToggleGroup(scopes);
        mineRadio.setToggleGroup(scopes);
        sinceRadio.setToggleGroup(scopes);
        allRadio.setUserData(Scope.ALL);
        mineRadio.setUserData(Scope.MINE);
        sinceRadio.setUserData(Scope.SINCE);
        scopes.selectToggle(switch (viewModel.scopeProperty().get()) {
            case ALL -> allRadio;
            case MINE -> mineRadio;
            case SINCE -> sinceRadio;
        });
        scopes.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.scopeProperty().set((Scope) chosen.getUserData());
            }
        });
        mineRadio.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                viewModel.meProperty().get() == null ? "exchange.scope.mine.who" : "exchange.scope.mine"),
                viewModel.meProperty()));
        mineRadio.disableProperty().bind(viewModel.meProperty().isNull());
        colleagueBox.setItems(viewModel.colleagues());
        colleagueBox.setConverter(Texts.converter(delegate -> delegate == null ? "" : delegate.name()));
        colleagueBox.valueProperty().bindBidirectional(viewModel.colleagueProperty());
        colleagueBox.valueProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                sinceRadio.setSelected(true);
            }
        });
        lastExportLabel.textProperty().bind(viewModel.lastExportProperty());
        lastExportLabel.managedProperty().bind(lastExportLabel.textProperty().isNotEmpty());
        progressBar.progressProperty().bind(viewModel.progressProperty());
        progressBar.visibleProperty().bind(viewModel.runningProperty());
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        exportButton.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.runningProperty().get()
                        || !viewModel.canExport(), viewModel.runningProperty(), viewModel.scopeProperty(),
                viewModel.colleagueProperty(), viewModel.meProperty()));
    }

    @FXML
    private void export() {
        Path target = chooseTarget.apply(viewModel.suggestedFileName());
        if (target != null) {
            viewModel.export(target.getFileName().toString().endsWith(".rihla") ? target
                    : target.resolveSibling(target.getFileName() + ".rihla"));
        }
    }
}
