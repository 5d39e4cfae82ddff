package ma.etamkeen.rihla.ui.knowledge;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.Form;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The form of a visit: title, code (typed for a new visit only), programme, country and cities in three
 * languages, dates, the delegation's size and how many administrations it serves, description, sources.
 */
public final class VisitEditorController implements Form {
    private final VisitEditorViewModel viewModel;
    private final WindowContext context;
    private final Consumer<Visit> onSaved;

    @FXML
    private VBox root;
    @FXML
    private GridPane form;
    @FXML
    private Label problemLabel;

    /** @param onSaved gets the visit as stored, once saved (to show a new one) */
    public VisitEditorController(VisitEditorViewModel viewModel, WindowContext context, Consumer<Visit> onSaved) {
        this.viewModel = viewModel;
        this.context = context;
        this.onSaved = onSaved;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        FormRows rows = new FormRows(form, RecordKind.VISIT, viewModel.texts(), messages, problemLabel::setText);
        rows.localized("title", rows.label("title", null), false);
        rows.single(rows.label("code", null), codeField());
        rows.single(rows.label("programme", null), rows.field("programme"));
        rows.localized("country", rows.label("country", null), false);
        rows.localized("cities", rows.label("cities", null), false);
        rows.single(rows.label("starts_on", null), dates(messages));
        rows.single(rows.label("delegation_size", null), delegation(messages));
        rows.localized("description", rows.label("description", null), true);
        Label sourcesHint = new Label(messages.get("visit.sources.hint"));
        sourcesHint.getStyleClass().add("hint");
        rows.single(rows.label("sources", sourcesHint),
                FormRows.leftToRight(rows.area("sources", 3)));
        root.disableProperty().bind(viewModel.busyProperty());
        Platform.runLater(() -> rows.first().requestFocus());
    }

    private Node codeField() {
        if (!viewModel.isNew()) {
            Label fixed = FormRows.leftToRight(new Label(viewModel.codeProperty().get()));
            fixed.getStyleClass().add("field-value");
            return fixed;  // packages, the CSV of a visit and the command line name the visit by it
        }
        TextField field = FormRows.leftToRight(new TextField());
        field.setId("code");
        field.textProperty().bindBidirectional(viewModel.codeProperty());
        field.setOnKeyTyped(event -> viewModel.codeTyped());
        field.setPromptText(context.language().messages().get("visit.code.prompt"));
        return field;
    }

    /** The first and the last day, in the date format of the user's language. */
    private Node dates(Messages messages) {
        DatePicker starts = new DatePicker();
        starts.setId("starts_on");
        starts.valueProperty().bindBidirectional(viewModel.startsOnProperty());
        DatePicker ends = new DatePicker();
        ends.setId("ends_on");
        ends.valueProperty().bindBidirectional(viewModel.endsOnProperty());
        HBox box = new HBox(8, starts, new Label(messages.get("field.ends_on")), ends);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Node delegation(Messages messages) {
        TextField delegates = new TextField();
        delegates.setId("delegation_size");
        delegates.setPrefColumnCount(5);
        delegates.textProperty().bindBidirectional(viewModel.delegationSizeProperty());
        TextField administrations = new TextField();
        administrations.setId("administration_count");
        administrations.setPrefColumnCount(5);
        administrations.textProperty().bindBidirectional(viewModel.administrationCountProperty());
        HBox box = new HBox(8, delegates, new Label(messages.get("field.administration_count")), administrations);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Label problem() {
        return problemLabel;
    }

    @Override
    public void save(Consumer<String> refused, Runnable saved) {
        viewModel.save(refused, visit -> {
            saved.run();
            onSaved.accept(visit);
        });
    }

    @Override
    public boolean isDirty() {
        return viewModel.isDirty();
    }

    /** The dialog's title: a new visit, or the visit's title. */
    @Override
    public String title() {
        Messages messages = context.language().messages();
        return viewModel.isNew() ? messages.get("visit.new.title")
                : messages.format("visit.edit.title", viewModel.original().title().in(context.language().get()));
    }
}
