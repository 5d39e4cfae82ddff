package ma.etamkeen.rihla.ui.knowledge;

import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.ui.common.Form;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.knowledge.ThemesEditorViewModel.ThemeDraft;

/** The themes on a grid: code (typed for a new theme only), label in three languages, hidden. */
public final class ThemesEditorController implements Form {
    private final ThemesEditorViewModel viewModel;
    private final WindowContext context;
    private int row;

    @FXML
    private VBox root;
    @FXML
    private GridPane grid;
    @FXML
    private Label problemLabel;

    /** The form of {@code viewModel}'s themes, in the window's language. */
    public ThemesEditorController(ThemesEditorViewModel viewModel, WindowContext context) {
        this.viewModel = viewModel;
        this.context = context;
    }

    @FXML
    private void initialize() {
        Messages messages = context.language().messages();
        String[] headings = {"field.code", "language.ar", "language.fr", "language.en", "field.hidden"};
        for (int column = 0; column < headings.length; column++) {
            Label heading = new Label(messages.get(headings[column]));
            heading.getStyleClass().add("column-heading");
            grid.add(heading, column, row);
        }
        row++;
        viewModel.themes().forEach(this::addRow);
        root.disableProperty().bind(viewModel.busyProperty());
    }

    private TextField addRow(ThemeDraft theme) {
        Messages messages = context.language().messages();
        Node code;
        if (theme.isNew()) {
            TextField field = bind(FormRows.leftToRight(new TextField()), theme, "code");
            field.setOnKeyTyped(event -> theme.codeTyped());
            code = field;
        } else {
            code = FormRows.leftToRight(new Label(theme.texts().get("code").get()));  // codes never change
        }
        grid.add(code, 0, row);
        TextField first = null;
        for (int column = 0; column < FormRows.LANGUAGES.length; column++) {
            TextField label = bind(new TextField(), theme, "label_" + FormRows.LANGUAGES[column]);
            if (column == 0 && label.getText().isEmpty()) {
                label.setNodeOrientation(javafx.geometry.NodeOrientation.RIGHT_TO_LEFT);
            }
            first = first == null ? label : first;
            grid.add(label, column + 1, row);
        }
        CheckBox hidden = new CheckBox();
        hidden.selectedProperty().bindBidirectional(theme.hiddenProperty());
        hidden.setAccessibleText(messages.get("field.hidden"));
        grid.add(hidden, 4, row);
        row++;
        return first;
    }

    private TextField bind(TextField field, ThemeDraft theme, String column) {
        return FormRows.bind(field, theme.texts().get(column), RecordKind.THEME, column, context.language().messages(),
                problemLabel::setText);
    }

    @FXML
    private void add() {
        TextField first = addRow(viewModel.add());
        Platform.runLater(first::requestFocus);
    }

    @Override
    public String title() {
        return context.language().messages().get("theme.editor.title");
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
        viewModel.save(refused, saved);
    }

    @Override
    public boolean isDirty() {
        return viewModel.isDirty();
    }
}
