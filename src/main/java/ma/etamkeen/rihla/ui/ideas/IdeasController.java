package ma.etamkeen.rihla.ui.ideas;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;

import org.controlsfx.control.CheckComboBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.ui.attachments.Attacher;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the ideas tab: the ideas for transfer drawn from the site and the one being edited. */
public final class IdeasController {
    private final IdeasViewModel viewModel;
    private final WindowContext context;
    private final Attacher attacher;
    private final Dialogs dialogs;

    @FXML
    private ListView<Idea> list;
    @FXML
    private Label emptyLabel;
    @FXML
    private ScrollPane editor;
    @FXML
    private ComboBox<Delegate> authorBox;
    @FXML
    private TextField titleField;
    @FXML
    private TextArea descriptionArea;
    @FXML
    private CheckComboBox<Administration> targetsBox;
    @FXML
    private CheckComboBox<Theme> themesBox;
    @FXML
    private ChoiceBox<Idea.Status> statusBox;
    @FXML
    private ChoiceBox<Idea.Effort> effortBox;
    @FXML
    private ChoiceBox<Idea.Impact> impactBox;
    @FXML
    private TextField ownerField;
    @FXML
    private ComboBox<Lesson> lessonBox;
    @FXML
    private TextArea prerequisitesArea;
    @FXML
    private Label problemLabel;

    public IdeasController(IdeasViewModel viewModel, WindowContext context, Attacher attacher, Dialogs dialogs) {
        this.viewModel = viewModel;
        this.context = context;
        this.attacher = attacher;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        ViewScope scope = context.windowScope();
        EntryViews.bindList(scope, list, viewModel, editor, emptyLabel, problemLabel);
        EntryViews.twoLineCells(list, Idea::title, this::describe);
        EntryViews.authorPicker(scope, authorBox, viewModel.authorProperty(), context);
        EntryViews.themePicker(scope, themesBox, viewModel.themes(), context);
        EntryViews.checkPicker(scope, targetsBox, context.administrations(), viewModel.targets(), Administration::id,
                administration -> administration.label(context.language().get()));
        for (TextField field : new TextField[] {titleField, ownerField}) {
            TextInputs.userText(field, Limits.TITLE_CHARS, messages, context.saveStatus()::failed);
        }
        for (TextArea area : new TextArea[] {descriptionArea, prerequisitesArea}) {
            TextInputs.userText(area, Limits.TEXT_CHARS, messages, context.saveStatus()::failed);
        }
        titleField.textProperty().bindBidirectional(viewModel.titleProperty());
        descriptionArea.textProperty().bindBidirectional(viewModel.descriptionProperty());
        ownerField.textProperty().bindBidirectional(viewModel.ownerProperty());
        prerequisitesArea.textProperty().bindBidirectional(viewModel.prerequisitesProperty());
        EntryViews.titleField(titleField, viewModel, Idea::title);

        statusBox.getItems().setAll(Idea.Status.values());
        statusBox.setConverter(Texts.converter(status -> messages.get("idea-status." + status.code())));
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        effortBox.getItems().setAll(Idea.Effort.values());
        effortBox.getItems().add(0, null);
        effortBox.setConverter(Texts.converter(effort -> effort == null ? messages.get("ideas.not-set")
                : messages.get("effort." + effort.name().toLowerCase(Locale.ROOT))));
        effortBox.valueProperty().bindBidirectional(viewModel.effortProperty());
        impactBox.getItems().setAll(Idea.Impact.values());
        impactBox.getItems().add(0, null);
        impactBox.setConverter(Texts.converter(impact -> impact == null ? messages.get("ideas.not-set")
                : messages.get("impact." + impact.code())));
        impactBox.valueProperty().bindBidirectional(viewModel.impactProperty());

        lessonBox.setConverter(Texts.converter(lesson -> lesson == null ? messages.get("ideas.no-lesson") : lesson.title()));
        Runnable refillLessons = () -> {
            lessonBox.getItems().setAll(viewModel.siteLessons());
            lessonBox.getItems().add(0, null);
            selectLesson(viewModel.lessonProperty().get());
        };
        scope.onChange(viewModel.siteLessons(), (ListChangeListener<Lesson>) change -> refillLessons.run());
        refillLessons.run();
        scope.onChange(viewModel.lessonProperty(), (old, id) -> selectLesson(id));
        lessonBox.valueProperty().addListener((obs, old, lesson) -> {
            UUID id = lesson == null ? null : lesson.id();
            if (!Objects.equals(id, viewModel.lessonProperty().get())) {
                viewModel.lessonProperty().set(id);
            }
        });
    }

    private void selectLesson(UUID id) {
        Lesson match = lessonBox.getItems().stream().filter(l -> l != null && l.id().equals(id)).findFirst().orElse(null);
        if (lessonBox.getValue() != match) {
            lessonBox.setValue(match);
        }
    }

    private String describe(Idea idea) {
        Messages messages = context.language().messages();
        String targets = messages.list(context.administrations().stream()
                .filter(a -> idea.targets().contains(a.id()))
                .map(a -> a.acronym() != null ? a.acronym() : a.label(context.language().get())).toList());
        String status = messages.get("idea-status." + idea.status().code());
        return targets.isEmpty() ? status : status + " · " + targets;
    }

    /** Ctrl+N: asks for the title of a new idea, then opens it. */
    @FXML
    public void create() {
        dialogs.askTitle(context.language().messages().get("ideas.new.title"),
                context.language().messages().get("ideas.title"),
                (title, refused, done) -> viewModel.create(title, refused, done),
                () -> descriptionArea.requestFocus());
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
