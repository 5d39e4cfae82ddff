package ma.etamkeen.rihla.ui.notes;

import java.time.format.FormatStyle;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.ui.attachments.Attacher;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the notes tab: the list of notes and the note being written. */
public final class NotesController {
    private final NotesViewModel viewModel;
    private final WindowContext context;
    private final Attacher attacher;

    @FXML
    private ListView<Note> list;
    @FXML
    private Label emptyLabel;
    @FXML
    private VBox editor;
    @FXML
    private ComboBox<Delegate> authorBox;
    @FXML
    private DatePicker datePicker;
    @FXML
    private TextArea bodyArea;
    @FXML
    private Label problemLabel;

    public NotesController(NotesViewModel viewModel, WindowContext context, Attacher attacher) {
        this.viewModel = viewModel;
        this.context = context;
        this.attacher = attacher;
    }

    @FXML
    private void initialize() {
        ViewScope scope = context.windowScope();
        EntryViews.bindList(scope, list, viewModel, editor, emptyLabel, problemLabel);
        EntryViews.twoLineCells(list, viewModel::labelOf, this::describe);
        EntryViews.authorPicker(scope, authorBox, viewModel.authorProperty(), context);
        datePicker.valueProperty().bindBidirectional(viewModel.dateProperty());
        TextInputs.userText(bodyArea, Limits.TEXT_CHARS, context.language().messages(), context.saveStatus()::failed);
        bodyArea.textProperty().bindBidirectional(viewModel.bodyProperty());
    }

    private String describe(Note note) {
        String date = note.notedOn() == null ? "" : context.language().date(FormatStyle.LONG).format(note.notedOn());
        String author = context.delegates().stream().filter(d -> d.id().equals(note.authorId())).findFirst()
                .map(Delegate::name).orElse("");
        return author.isEmpty() ? date : date + " · " + author;
    }

    /** Ctrl+N: a new note, ready to type. */
    @FXML
    public void create() {
        viewModel.create();
        bodyArea.requestFocus();
    }

    @FXML
    private void delete() {
        viewModel.deleteSelected();
    }

    @FXML
    private void attach() {
        EntryViews.attachToSelected(viewModel,
                (kind, id) -> attacher.chooseAndAttach(list.getScene().getWindow(), kind, id), context);
    }
}
