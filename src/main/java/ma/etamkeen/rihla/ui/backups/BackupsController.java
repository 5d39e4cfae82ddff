package ma.etamkeen.rihla.ui.backups;

import java.io.File;
import java.nio.file.Path;
import java.time.format.FormatStyle;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.FileChooser;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the backups dialog: the list, back up now, restore one (after a confirmation). */
public final class BackupsController {
    private final BackupsViewModel viewModel;
    private final WindowContext context;
    private final Dialogs dialogs;
    private final Runnable onRestored;

    @FXML
    private ListView<BackupService.Backup> list;
    @FXML
    private Label problemLabel;
    @FXML
    private Button restoreButton;

    public BackupsController(BackupsViewModel viewModel, WindowContext context, Dialogs dialogs, Runnable onRestored) {
        this.viewModel = viewModel;
        this.context = context;
        this.dialogs = dialogs;
        this.onRestored = onRestored;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        EntryViews.showItems(list, viewModel.backups());
        list.setPlaceholder(new Label(messages.get("backups.none")));
        EntryViews.twoLineCells(list, this::when, this::describe);
        // A damaged backup is listed (so nothing seems to vanish) but never offered for a restore.
        restoreButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            BackupService.Backup selected = list.getSelectionModel().getSelectedItem();
            return selected == null || !selected.restorable();
        }, list.getSelectionModel().selectedItemProperty()));
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
        viewModel.reload();
    }

    /** Why it was made, its size, whether it was verified, and what it holds when that is known. */
    private String describe(BackupService.Backup backup) {
        Messages messages = context.language().messages();
        String detail = messages.format("backups.detail", BackupService.reason(backup, messages),
                messages.size(backup.sizeBytes())) + " · "
                + messages.get("backups.state." + backup.state().name().toLowerCase(java.util.Locale.ROOT));
        return backup.counts() == null ? detail : detail + " · " + BackupService.counts(backup.counts(), messages);
    }

    private String when(BackupService.Backup backup) {
        return context.language().dateTime(FormatStyle.MEDIUM).format(backup.createdAt());
    }

    @FXML
    private void backUpNow() {
        viewModel.backUpNow();
    }

    @FXML
    private void restoreSelected() {
        BackupService.Backup backup = list.getSelectionModel().getSelectedItem();
        if (backup != null) {
            restore(backup.file(), when(backup));
        }
    }

    @FXML
    private void restoreFromFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.language().messages().get("backups.from-file"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                context.language().messages().get("backups.file-type"), "*.zip"));
        File file = chooser.showOpenDialog(list.getScene().getWindow());
        if (file != null) {
            restore(file.toPath(), file.getName());
        }
    }

    private void restore(Path backup, String label) {
        Messages messages = context.language().messages();
        // The backup's date and time on a line of its own: inside a sentence, wrapping could split the time at a
        // colon, and in Arabic the two halves then show on either side of the date.
        if (dialogs.confirm(messages.get("backups.restore"), messages.format("backups.restore.confirm", label),
                messages.get("backups.restore.yes"))) {
            problemLabel.setText("");
            viewModel.restore(backup, onRestored, problemLabel::setText);
        }
    }
}
