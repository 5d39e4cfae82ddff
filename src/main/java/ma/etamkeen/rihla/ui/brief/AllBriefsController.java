package ma.etamkeen.rihla.ui.brief;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;

/** Binds the all-briefs dialog: where they go, the progress bar, and Stop. */
public final class AllBriefsController {
    private final AllBriefsViewModel viewModel;
    private final UiLanguage language;

    @FXML
    private Label folderLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label messageLabel;
    @FXML
    private Button stopButton;

    public AllBriefsController(AllBriefsViewModel viewModel, UiLanguage language) {
        this.viewModel = viewModel;
        this.language = language;
    }

    @FXML
    private void initialize() {
        folderLabel.setText(language.messages().format("briefs.into",
                TextDirection.leftToRight(viewModel.folder().toString())));
        progressBar.progressProperty().bind(viewModel.progressProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        stopButton.disableProperty().bind(viewModel.runningProperty().not());
        Dialogs.whenClosed(folderLabel, viewModel::cancel);  // closing the dialog stops the work too
        viewModel.start();
    }

    @FXML
    private void stop() {
        viewModel.cancel();
    }
}
