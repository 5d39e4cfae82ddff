package ma.etamkeen.rihla.ui.repair;

import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.UiLanguage;

/** Binds the damaged-store choice: what happened, the backups, and the three ways out. */
public final class DamagedStoreController {
    private final DamagedStoreViewModel viewModel;
    private final UiLanguage language;
    private final Dialogs dialogs;

    @FXML
    private Label descriptionLabel;
    @FXML
    private ListView<BackupService.Backup> backupList;
    @FXML
    private Button restoreButton;
    @FXML
    private Button useButton;
    @FXML
    private Label useHint;
    @FXML
    private Button recoverButton;
    @FXML
    private Label recoverHint;
    @FXML
    private Button emptyButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Label messageLabel;

    public DamagedStoreController(DamagedStoreViewModel viewModel, UiLanguage language, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.language = language;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        Messages messages = language.messages();
        descriptionLabel.setText(viewModel.description());
        EntryViews.showItems(backupList, viewModel.backups());
        backupList.setPlaceholder(new Label(messages.get("damage.no-backup")));
        EntryViews.twoLineCells(backupList, backup -> backup.file().getFileName().toString(), viewModel::describe);
        backupList.getSelectionModel().select(viewModel.chosenProperty().get());
        backupList.getSelectionModel().selectedItemProperty().addListener((obs, old, backup) ->
                viewModel.chosenProperty().set(backup));
        restoreButton.disableProperty().bind(viewModel.busyProperty().or(viewModel.chosenProperty().isNull()));
        recoverButton.disableProperty().bind(viewModel.busyProperty());
        useButton.disableProperty().bind(viewModel.busyProperty());
        boolean foreign = viewModel.usableAsItIs();
        for (Node node : new Node[] {useButton, useHint}) {
            node.setVisible(foreign);
            node.setManaged(foreign);
        }
        for (Node node : new Node[] {recoverButton, recoverHint}) {
            node.setVisible(!foreign);  // a readable database needs no rescue
            node.setManaged(!foreign);
        }
        emptyButton.disableProperty().bind(viewModel.busyProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.managedProperty().bind(messageLabel.textProperty().isNotEmpty());
    }

    @FXML
    private void restore() {
        viewModel.restoreChosen();
    }

    @FXML
    private void useAsItIs() {
        viewModel.useAsItIs();
    }

    @FXML
    private void recover() {
        viewModel.recover();
    }

    @FXML
    private void startEmpty() {
        Messages messages = language.messages();
        if (dialogs.confirm(messages.get("damage.start-empty"), messages.get("damage.start-empty.confirm"),
                messages.get("damage.start-empty.yes"))) {
            viewModel.startEmpty();
        }
    }
}
