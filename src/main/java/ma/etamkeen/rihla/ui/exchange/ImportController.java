package ma.etamkeen.rihla.ui.exchange;

import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.css.PseudoClass;

import javafx.fxml.FXML;
import javafx.geometry.HPos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.ui.common.Dialogs;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.exchange.ImportViewModel.ChangeView;
import ma.etamkeen.rihla.ui.exchange.ImportViewModel.ConflictView;
import ma.etamkeen.rihla.ui.exchange.ImportViewModel.Row;

/** Binds the import dialog: the preview tables, each conflict side by side with its choice, Import and Stop. */
public final class ImportController {
    private static final List<String> COLUMNS = List.of("exchange.count.new", "exchange.count.updated",
            "exchange.count.unchanged", "exchange.count.conflicts", "exchange.count.deletions");

    private static final double LABEL_WIDTH = 280;
    private static final PseudoClass FLAGGED = PseudoClass.getPseudoClass("flagged");

    private final ImportViewModel viewModel;
    private final UiLanguage language;

    @FXML
    private Label headingLabel;
    @FXML
    private VBox previewBox;
    @FXML
    private GridPane kindGrid;
    @FXML
    private Label bySiteLabel;
    @FXML
    private GridPane siteGrid;
    @FXML
    private VBox conflictsBox;
    @FXML
    private Label senderWarningLabel;
    @FXML
    private Label changesLabel;
    @FXML
    private Label flaggedLabel;
    @FXML
    private TableView<ChangeView> changesTable;
    @FXML
    private TableColumn<ChangeView, String> entryColumn;
    @FXML
    private TableColumn<ChangeView, String> whatColumn;
    @FXML
    private TableColumn<ChangeView, String> beforeColumn;
    @FXML
    private TableColumn<ChangeView, String> afterColumn;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label messageLabel;
    @FXML
    private Button stopButton;
    @FXML
    private Button importButton;

    public ImportController(ImportViewModel viewModel, UiLanguage language) {
        this.viewModel = viewModel;
        this.language = language;
    }

    @FXML
    private void initialize() {
        previewBox.setVisible(false);
        progressBar.progressProperty().bind(viewModel.progressProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        stopButton.disableProperty().bind(viewModel.runningProperty().not()
                .or(viewModel.previewProperty().isNull()));
        importButton.disableProperty().bind(viewModel.runningProperty().or(viewModel.finishedProperty())
                .or(viewModel.previewProperty().isNull()));
        wrapping(entryColumn, change -> change.flagged() ? change.entry() + "\n" + change.flag() : change.entry());
        wrapping(whatColumn, ChangeView::what);
        wrapping(beforeColumn, ChangeView::before);
        wrapping(afterColumn, ChangeView::after);
        changesTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ChangeView change, boolean empty) {
                super.updateItem(change, empty);
                pseudoClassStateChanged(FLAGGED, !empty && change != null && change.flagged());
            }
        });
        viewModel.previewProperty().addListener((obs, old, preview) -> show(preview));
        Dialogs.whenClosed(headingLabel, viewModel::close);  // closing stops (and rolls back) a running import
        viewModel.open();
    }

    private void show(ImportViewModel.Preview preview) {
        if (preview == null) {
            return;
        }
        headingLabel.setText(preview.heading());
        senderWarningLabel.setText(preview.senderWarning());  // unsigned, or another key under a known name
        senderWarningLabel.setVisible(!preview.senderWarning().isEmpty());
        senderWarningLabel.setManaged(!preview.senderWarning().isEmpty());
        fill(kindGrid, preview.byKind(), preview.total());
        fill(siteGrid, preview.bySite(), null);
        bySiteLabel.setVisible(!preview.bySite().isEmpty());
        bySiteLabel.setManaged(!preview.bySite().isEmpty());
        conflictsBox.setVisible(!preview.conflicts().isEmpty());
        conflictsBox.setManaged(!preview.conflicts().isEmpty());
        preview.conflicts().forEach(conflict -> conflictsBox.getChildren().add(conflictRow(conflict)));
        changesTable.getItems().setAll(preview.changes());
        for (var node : List.of(changesLabel, changesTable)) {
            node.setVisible(!preview.changes().isEmpty());
            node.setManaged(!preview.changes().isEmpty());
        }
        flaggedLabel.setText(preview.flagged());
        flaggedLabel.setVisible(!preview.flagged().isEmpty());
        flaggedLabel.setManaged(!preview.flagged().isEmpty());
        previewBox.setVisible(true);
    }

    /**
     * A column whose cells wrap their text to the column's width: one {@link Text} per line, each with a
     * wrapping width (a wrapped label would not tell the row its height) and the direction of its own words.
     */
    private static void wrapping(TableColumn<ChangeView, String> column, Function<ChangeView, String> value) {
        column.setCellValueFactory(row -> new ReadOnlyStringWrapper(value.apply(row.getValue())));
        column.setCellFactory(owner -> new TableCell<>() {
            @Override
            protected void updateItem(String lines, boolean empty) {
                super.updateItem(lines, empty);
                if (empty || lines == null) {
                    setGraphic(null);
                    return;
                }
                VBox box = new VBox(2);
                for (String line : lines.split("\n")) {
                    Text text = TextDirection.follow(new Text(line), line);
                    text.getStyleClass().add("change-text");
                    text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
                    box.getChildren().add(text);
                }
                setGraphic(box);
            }
        });
    }

    private void fill(GridPane grid, List<Row> rows, Row total) {
        Messages messages = language.messages();
        grid.getChildren().clear();
        // The same label column in both tables (kinds and sites), so their numbers line up.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_WIDTH);
        labels.setPrefWidth(LABEL_WIDTH);
        grid.getColumnConstraints().setAll(labels);
        for (int column = 0; column < COLUMNS.size(); column++) {
            ColumnConstraints numbers = new ColumnConstraints();
            numbers.setHalignment(HPos.RIGHT);
            numbers.setMinWidth(70);
            grid.getColumnConstraints().add(numbers);
            Label heading = new Label(messages.get(COLUMNS.get(column)));
            heading.getStyleClass().add("field-label");
            grid.add(heading, column + 1, 0);
        }
        int line = 1;
        for (Row row : rows) {
            addRow(grid, line++, row, false);
        }
        if (total != null) {
            addRow(grid, line, total, true);
        }
    }

    private void addRow(GridPane grid, int line, Row row, boolean total) {
        ImportPlan.Counts counts = row.counts();
        int[] values = {counts.added(), counts.updated(), counts.unchanged(), counts.conflicts(), counts.deletions()};
        Label label = new Label(row.label());
        label.setWrapText(true);  // a long site name goes on two lines rather than widening its table
        grid.add(label, 0, line);
        for (int column = 0; column < values.length; column++) {
            Label value = new Label(language.messages().format("exchange.count", values[column]));
            if (values[column] == 0) {
                value.getStyleClass().add("facet-empty");
            }
            grid.add(value, column + 1, line);
        }
        if (total) {
            grid.getChildren().stream().filter(node -> GridPane.getRowIndex(node) == line)
                    .forEach(node -> node.getStyleClass().add("import-total"));
        }
    }

    /** Mine and theirs side by side, each chosen by the radio button above it; keep both below when possible. */
    private VBox conflictRow(ConflictView view) {
        Messages messages = language.messages();
        ToggleGroup choice = new ToggleGroup();
        RadioButton mine = new RadioButton(messages.get("exchange.conflict.mine"));
        RadioButton theirs = new RadioButton(messages.get("exchange.conflict.theirs"));
        RadioButton both = new RadioButton(messages.get("exchange.conflict.both"));
        mine.setUserData(Resolution.MINE);
        theirs.setUserData(Resolution.THEIRS);
        both.setUserData(Resolution.BOTH);
        for (RadioButton button : List.of(mine, theirs, both)) {
            button.setToggleGroup(choice);
            button.setSelected(viewModel.choices().get(view.conflict().id()) == button.getUserData());
        }
        both.setDisable(!view.canKeepBoth());
        choice.selectedToggleProperty().addListener((obs, old, chosen) -> {
            if (chosen != null) {
                viewModel.choices().put(view.conflict().id(), (Resolution) chosen.getUserData());
            }
        });
        HBox sides = new HBox(12, side(mine, view.mine(), view.mineChanged()),
                side(theirs, view.theirs(), view.theirsChanged()));
        Label kind = new Label(view.kind());
        kind.getStyleClass().add("field-label");
        VBox row = new VBox(6, kind, sides, both);
        row.getStyleClass().add("conflict");
        return row;
    }

    /** One side of a conflict: its choice ({@code button}) above its text and who changed it when. */
    static VBox side(javafx.scene.Node button, String text, String changed) {
        Label content = TextDirection.follow(new Label(text), text);  // a French note stays left to right
        content.setWrapText(true);
        content.setMinHeight(Label.USE_PREF_SIZE);
        content.setMaxWidth(Double.MAX_VALUE);
        content.getStyleClass().add("conflict-text");
        Label when = new Label(changed);
        when.setWrapText(true);
        when.setMinHeight(Label.USE_PREF_SIZE);
        when.getStyleClass().add("hint");
        VBox side = new VBox(6, button, content, when);
        side.getStyleClass().add("conflict-side");
        HBox.setHgrow(side, Priority.ALWAYS);
        side.setMaxWidth(Double.MAX_VALUE);
        side.setPrefWidth(360);
        return side;
    }

    /** Imports; many deletions are listed and confirmed first (they go to the trash, but all at once). */
    @FXML
    private void importNow() {
        List<String> deletions = viewModel.deletionsToConfirm();
        if (deletions.isEmpty()) {
            viewModel.importNow();
            return;
        }
        Messages messages = language.messages();
        Dialogs dialogs = new Dialogs(language);
        dialogs.setOwner(headingLabel.getScene().getWindow());
        int shown = Math.min(deletions.size(), 10);  // the dialog stays on the screen; the count says the rest
        String list = String.join("\n", deletions.subList(0, shown))
                + (shown < deletions.size() ? "\n" + messages.format("exchange.deletion.more", deletions.size() - shown) : "");
        if (dialogs.confirm(messages.get("exchange.mass-deletion.title"),
                messages.format("exchange.mass-deletion.ask", deletions.size()) + "\n\n" + list,
                messages.format("exchange.mass-deletion.confirm", deletions.size()))) {
            viewModel.importNow(deletions.size());
        }
    }

    @FXML
    private void stop() {
        viewModel.cancel();
    }
}
