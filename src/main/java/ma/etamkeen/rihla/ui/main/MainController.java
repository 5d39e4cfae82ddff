package ma.etamkeen.rihla.ui.main;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;

import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.UiLanguage;

/** The window's frame: menu, visit heading, status bar; the list and the detail are included views. */
public final class MainController {
    private final MainViewModel viewModel;
    private final UiLanguage language;
    private final Dialogs dialogs;

    @FXML
    private BorderPane root;
    @FXML
    private Label visitTitle;
    @FXML
    private Label visitSummary;
    @FXML
    private Label statusLabel;

    public MainController(MainViewModel viewModel, UiLanguage language, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.language = language;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        language.orient(root);
        visitTitle.textProperty().bind(viewModel.visitTitleBinding());
        visitSummary.textProperty().bind(viewModel.visitSummaryBinding());
        statusLabel.textProperty().bind(viewModel.statusBinding());
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void about() {
        Alert alert = dialogs.alert(Alert.AlertType.INFORMATION, language.messages().get("about.title"),
                language.messages().get("about.text"), ButtonType.OK);
        alert.showAndWait();
    }
}
