package ma.etamkeen.rihla.ui.knowledge;

import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.property.StringProperty;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.ui.common.TextInputs;

/**
 * Lays out the rows of a knowledge-base form (a site, a visit) in a grid of four columns: the field's name, then
 * one column per language (Arabic, French, English) for a text in three languages, or one value across the three.
 * Each input is bound to its text by column name, takes the direction of what is typed (Arabic right to left
 * even while empty), and refuses more than its column takes ({@link Field#maxChars}).
 */
final class FormRows {
    static final String[] LANGUAGES = {"ar", "fr", "en"};

    private final GridPane grid;
    private final RecordKind<?> kind;
    private final Map<String, StringProperty> texts;
    private final Messages messages;
    private final Consumer<String> refused;
    private int row;
    private TextInputControl first;

    /** @param refused shows why an input was refused (a text too long) */
    FormRows(GridPane grid, RecordKind<?> kind, Map<String, StringProperty> texts, Messages messages,
             Consumer<String> refused) {
        this.grid = grid;
        this.kind = kind;
        this.texts = texts;
        this.messages = messages;
        this.refused = refused;
        for (int column = 0; column < LANGUAGES.length; column++) {
            Label heading = new Label(messages.get("language." + LANGUAGES[column]));  // each language by its own name
            heading.getStyleClass().add("column-heading");
            grid.add(heading, column + 1, row);
        }
        row++;
    }

    /** The name of the field {@code name} ({@code field.<name>}), with {@code extra} under it when given. */
    Node label(String name, Node extra) {
        Label label = new Label(messages.get("field." + name));
        label.getStyleClass().add("field-label");
        label.setWrapText(true);
        return extra == null ? label : new VBox(4, label, extra);
    }

    /** A text in three languages ({@code <prefix>_ar}, {@code _fr}, {@code _en}): one input per language column. */
    void localized(String prefix, Node label, boolean multiline) {
        grid.add(label, 0, row);
        for (int column = 0; column < LANGUAGES.length; column++) {
            String name = prefix + "_" + LANGUAGES[column];
            TextInputControl input = multiline ? area(name, 4) : field(name);
            if (LANGUAGES[column].equals("ar") && input.getText().isEmpty()) {
                input.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);  // Arabic is typed here
            }
            grid.add(input, column + 1, row);
        }
        row++;
    }

    /** One value across the three language columns. */
    void single(Node label, Node input) {
        grid.add(label, 0, row);
        grid.add(input, 1, row, LANGUAGES.length, 1);
        row++;
    }

    /** A one-line input bound to the text of column {@code name}. */
    TextField field(String name) {
        return remembered(bind(new TextField(), texts.get(name), kind, name));
    }

    /** A text area of {@code rows} lines bound to the text of column {@code name}. */
    TextArea area(String name, int rows) {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        return remembered(bind(area, texts.get(name), kind, name));
    }

    private <T extends TextInputControl> T remembered(T input) {
        if (first == null) {
            first = input;
        }
        return input;
    }

    /** The first input of the form, to put the cursor in. */
    TextInputControl first() {
        return first;
    }

    /** Binds {@code input} to {@code text}, refusing more than the column {@code column} of {@code of} takes. */
    <T extends TextInputControl> T bind(T input, StringProperty text, RecordKind<?> of, String column) {
        return bind(input, text, of, column, messages, refused);
    }

    /**
     * Binds {@code input} to {@code text}: it shows the text, follows what is typed, takes its direction, and
     * refuses more than the column {@code column} of {@code of} takes ({@code refused} says so).
     */
    static <T extends TextInputControl> T bind(T input, StringProperty text, RecordKind<?> of, String column,
                                               Messages messages, Consumer<String> refused) {
        input.setText(text.get() == null ? "" : text.get());
        int max = of.field(column).map(Field::maxChars).filter(chars -> chars > 0).orElse(Integer.MAX_VALUE);
        TextInputs.userText(input, max, messages, refused);
        text.bind(input.textProperty());
        input.setId(column);  // found by its column's name in tests
        return input;
    }

    /** An input that reads left to right whatever the window's direction (an address on the web, a code). */
    static <N extends Control> N leftToRight(N input) {
        input.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        return input;
    }
}
