package ma.etamkeen.rihla.ui.lessons;

import java.util.stream.Collectors;

import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import org.controlsfx.control.CheckComboBox;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.ui.attachments.Attacher;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the lessons tab: the lessons learned at the site and the one being edited. */
public final class LessonsController {
    private final LessonsViewModel viewModel;
    private final WindowContext context;
    private final Attacher attacher;
    private final Dialogs dialogs;

    @FXML
    private ListView<Lesson> list;
    @FXML
    private Label emptyLabel;
    @FXML
    private ScrollPane editor;
    @FXML
    private ComboBox<Delegate> authorBox;
    @FXML
    private TextField titleField;
    @FXML
    private TextArea observedArea;
    @FXML
    private TextArea whyArea;
    @FXML
    private CheckComboBox<Theme> themesBox;
    @FXML
    private Label problemLabel;

    public LessonsController(LessonsViewModel viewModel, WindowContext context, Attacher attacher, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.context = context;
        this.attacher = attacher;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        ViewScope scope = context.windowScope();
        EntryViews.bindList(scope, list, viewModel, editor, emptyLabel, problemLabel);
        EntryViews.twoLineCells(list, Lesson::title, lesson -> lesson.themes().stream()
                .map(code -> context.themes().stream().filter(t -> t.code().equals(code)).findFirst()
                        .map(t -> t.label().in(context.language().get())).orElse(code))
                .sorted().collect(Collectors.joining(" · ")));
        EntryViews.authorPicker(scope, authorBox, viewModel.authorProperty(), context);
        EntryViews.themePicker(scope, themesBox, viewModel.themes(), context);
        var messages = context.language().messages();
        TextInputs.userText(titleField, Limits.TITLE_CHARS, messages, context.saveStatus()::failed);
        TextInputs.userText(observedArea, Limits.TEXT_CHARS, messages, context.saveStatus()::failed);
        TextInputs.userText(whyArea, Limits.TEXT_CHARS, messages, context.saveStatus()::failed);
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        observedArea.textProperty().bindBidirectional(viewModel.observedProperty());
        whyArea.textProperty().bindBidirectional(viewModel.whyItWorksProperty());
        EntryViews.titleField(titleField, viewModel, Lesson::title);
    }

    /** Ctrl+N: asks for the title of a new lesson (a lesson needs one), then opens it. */
    @FXML
    public void create() {
        dialogs.askTitle(context.language().messages().get("lessons.new.title"),
                context.language().messages().get("lessons.title"),
                (title, refused, done) -> viewModel.create(title, refused, done),
                () -> observedArea.requestFocus());
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
