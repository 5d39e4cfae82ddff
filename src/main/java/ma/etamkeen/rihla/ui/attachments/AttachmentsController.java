package ma.etamkeen.rihla.ui.attachments;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Path;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the attachments tab: photos as thumbnails, documents as names; opened with the OS viewer. */
public final class AttachmentsController {
    private final AttachmentsViewModel viewModel;
    private final WindowContext context;
    private final Attacher attacher;
    private final Dialogs dialogs;
    private final Consumer<Path> openWithSystem;

    @FXML
    private ListView<Attachment> list;
    @FXML
    private Button openButton;
    @FXML
    private Button captionButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Label hintLabel;

    public AttachmentsController(AttachmentsViewModel viewModel, WindowContext context, Attacher attacher,
                                 Dialogs dialogs, Consumer<Path> openWithSystem) {
        this.viewModel = viewModel;
        this.context = context;
        this.attacher = attacher;
        this.dialogs = dialogs;
        this.openWithSystem = openWithSystem;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        EntryViews.showItems(list, viewModel.attachments());
        list.setCellFactory(view -> new AttachmentCell());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        context.windowScope().onChange(viewModel.selectedProperty(), (old, attachment) -> {
            if (attachment != null && list.getSelectionModel().getSelectedItem() != attachment) {
                list.getSelectionModel().select(attachment);
                list.scrollTo(attachment);
            }
        });
        list.setPlaceholder(new Label(messages.get("attachments.none")));
        hintLabel.setText(messages.format("attachments.hint", Limits.ATTACHMENT_BYTES / (1024 * 1024)));
        for (Button button : List.of(openButton, captionButton, deleteButton)) {
            button.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        list.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                open();
            }
        });
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                open();
            } else if (event.getCode() == KeyCode.DELETE) {
                delete();
            }
        });
        MenuItem open = new MenuItem(messages.get("attachments.open"));
        open.setOnAction(event -> open());
        MenuItem caption = new MenuItem(messages.get("attachments.caption"));
        caption.setOnAction(event -> editCaption());
        MenuItem delete = new MenuItem(messages.get("entry.delete"));
        delete.setOnAction(event -> delete());
        list.setContextMenu(new ContextMenu(open, caption, delete));

        // Files dropped on the list are attached to the site.
        list.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        list.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            if (files != null && !files.isEmpty()) {
                attacher.attach(files.stream().map(File::toPath).toList(), null, null);
            }
            event.setDropCompleted(files != null && !files.isEmpty());
            event.consume();
        });
    }

    /** Lets the user choose files to attach to the site. */
    @FXML
    public void attach() {
        attacher.chooseAndAttach(list.getScene().getWindow(), null, null);
    }

    @FXML
    private void open() {
        Attachment attachment = list.getSelectionModel().getSelectedItem();
        if (attachment != null) {
            Messages messages = context.language().messages();
            viewModel.open(attachment, openWithSystem, question -> dialogs.confirm(messages.get("attachments.risk.title"),
                    question, messages.get("attachments.risk.open-anyway")));
        }
    }

    @FXML
    private void editCaption() {
        Attachment attachment = list.getSelectionModel().getSelectedItem();
        if (attachment == null) {
            return;
        }
        Messages messages = context.language().messages();
        TextInputDialog dialog = dialogs.prepare(new TextInputDialog(attachment.caption() == null ? "" : attachment.caption()),
                messages.get("attachments.caption"));
        dialog.setHeaderText(attachment.fileName());
        dialog.getDialogPane().getButtonTypes().setAll(dialogs.ok(), dialogs.cancel());
        TextInputs.followTextDirection(dialog.getEditor());
        dialog.showAndWait().ifPresent(caption -> viewModel.setCaption(attachment, caption));
    }

    @FXML
    private void delete() {
        Attachment attachment = list.getSelectionModel().getSelectedItem();
        if (attachment != null) {
            viewModel.delete(attachment);
        }
    }

    /** A thumbnail (or a file badge), the file name, its caption, size and date, and what it hangs on. */
    private final class AttachmentCell extends ListCell<Attachment> {
        AttachmentCell() {
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Attachment attachment, boolean empty) {
            super.updateItem(attachment, empty);
            setText(null);
            if (empty || attachment == null) {
                setGraphic(null);
                return;
            }
            Messages messages = context.language().messages();
            StackPane preview = new StackPane();
            preview.getStyleClass().add("attachment-preview");
            preview.setMinSize(96, 72);
            preview.setPrefSize(96, 72);
            if (attachment.hasThumbnail()) {
                viewModel.thumbnail(attachment, bytes -> bytes.ifPresent(jpeg -> {
                    if (getItem() == attachment) {
                        ImageView image = new ImageView(new Image(new ByteArrayInputStream(jpeg)));
                        image.setFitWidth(96);
                        image.setFitHeight(72);
                        image.setPreserveRatio(true);
                        preview.getChildren().setAll(image);
                    }
                }));
            } else {
                Label badge = new Label(extension(attachment.fileName()));
                badge.getStyleClass().add("file-badge");
                preview.getChildren().setAll(badge);
            }
            Label name = new Label(attachment.fileName());
            name.getStyleClass().add("entry-title");
            String when = attachment.createdAt() == null ? ""
                    : context.language().dateTime(FormatStyle.SHORT).format(attachment.createdAt());
            String owner = attachment.ownerKind() == null ? messages.get("attachments.on-site")
                    : messages.get("attachments.on-" + attachment.ownerKind().code());
            Label detail = new Label(messages.format("attachments.detail", messages.size(attachment.sizeBytes()), when,
                    owner));
            detail.getStyleClass().add("entry-detail");
            VBox text = new VBox(2, name, detail);
            if (attachment.caption() != null) {
                Label caption = new Label(attachment.caption());
                caption.setNodeOrientation(ma.etamkeen.rihla.ui.common.TextDirection.of(attachment.caption()));
                caption.setWrapText(true);
                text.getChildren().add(1, caption);
            }
            HBox row = new HBox(12, preview, text);
            row.getStyleClass().add("attachment-row");
            setGraphic(row);
        }
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "?" : fileName.substring(dot + 1).toUpperCase(Locale.ROOT);
    }

}
