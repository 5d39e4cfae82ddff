package ma.etamkeen.rihla.ui.attachments;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Lets the user pick files and attaches them, telling them about any file that was refused. */
public final class Attacher {
    private final AttachmentsViewModel attachments;
    private final WindowContext context;
    private final Dialogs dialogs;

    public Attacher(AttachmentsViewModel attachments, WindowContext context, Dialogs dialogs) {
        this.attachments = attachments;
        this.context = context;
        this.dialogs = dialogs;
    }

    /** Opens the file chooser; the chosen files go to the site ({@code ownerKind} null) or to an entry. */
    public void chooseAndAttach(Window owner, EntryKind ownerKind, UUID ownerId) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(context.language().messages().get("attachments.choose"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        if (files != null && !files.isEmpty()) {
            attach(files.stream().map(File::toPath).toList(), ownerKind, ownerId);
        }
    }

    public void attach(List<Path> files, EntryKind ownerKind, UUID ownerId) {
        attachments.attach(files, ownerKind, ownerId, message -> dialogs.alert(Alert.AlertType.WARNING,
                context.language().messages().get("attachments.refused"), message, ButtonType.OK).showAndWait());
    }
}
