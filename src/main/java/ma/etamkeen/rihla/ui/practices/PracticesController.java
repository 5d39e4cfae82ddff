package ma.etamkeen.rihla.ui.practices;

import java.text.Collator;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.stage.FileChooser;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel.Chip;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel.FacetGroup;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel.FacetValue;
import ma.etamkeen.rihla.service.PracticeLabels.Row;

/**
 * Binds the practices view: facets with their counts (values that would give nothing are dimmed, still
 * there), the chosen values as removable chips, and the sortable table; Enter or a double click opens a row.
 */
public final class PracticesController {
    /** Facets most people filter by are open at first; the others open with a click. */
    private static final Set<Facet> OPEN_AT_FIRST = Set.of(Facet.THEME, Facet.KIND, Facet.STATUS, Facet.CITY);

    private final PracticesViewModel viewModel;
    private final ViewScope scope;
    private final UiLanguage language;
    private final Map<Facet, TitledPane> panes = new HashMap<>();
    private final Map<Facet, VBox> valueBoxes = new HashMap<>();

    @FXML
    private VBox facetBox;
    @FXML
    private Label countLabel;
    @FXML
    private FlowPane chipBar;
    @FXML
    private Hyperlink clearAllLink;
    @FXML
    private TableView<Row> table;
    @FXML
    private TableColumn<Row, String> titleColumn;
    @FXML
    private TableColumn<Row, String> kindColumn;
    @FXML
    private TableColumn<Row, String> siteColumn;
    @FXML
    private TableColumn<Row, String> cityColumn;
    @FXML
    private TableColumn<Row, String> themesColumn;
    @FXML
    private TableColumn<Row, String> targetsColumn;
    @FXML
    private TableColumn<Row, String> statusColumn;
    @FXML
    private TableColumn<Row, String> authorColumn;
    @FXML
    private TableColumn<Row, Instant> dateColumn;

    public PracticesController(PracticesViewModel viewModel, UiLanguage language, ViewScope scope) {
        this.viewModel = viewModel;
        this.language = language;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        Messages messages = language.messages();
        buildFacetPanes(messages);
        showGroups();
        scope.onChange(viewModel.groups(), (ListChangeListener<FacetGroup>) change -> showGroups());
        showChips(messages);
        scope.onChange(viewModel.chips(), (ListChangeListener<Chip>) change -> showChips(messages));

        Collator collator = Collator.getInstance(language.get().locale());
        text(titleColumn, Row::title, collator);
        text(kindColumn, Row::kind, collator);
        text(siteColumn, Row::site, collator);
        text(cityColumn, Row::city, collator);
        text(themesColumn, Row::themes, collator);
        text(targetsColumn, Row::targets, collator);
        text(statusColumn, Row::status, collator);
        text(authorColumn, Row::author, collator);
        var dates = language.date(FormatStyle.MEDIUM);
        dateColumn.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().date()));
        dateColumn.setCellFactory(column -> new TableCell<>() {
            @Override
            protected void updateItem(Instant date, boolean empty) {
                super.updateItem(date, empty);
                setText(empty || date == null ? null : dates.format(date));
            }
        });
        SortedList<Row> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        EntryViews.showItems(table, sorted);
        table.getSortOrder().add(dateColumn);  // newest first until the user sorts otherwise
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> !viewModel.loadedProperty().get()
                        ? messages.get("practices.loading")
                        : viewModel.totalProperty().get() == 0 ? messages.get("practices.none")
                        : messages.get("practices.nothing-matches"),
                viewModel.loadedProperty(), viewModel.totalProperty()));
        table.setPlaceholder(placeholder);
        countLabel.textProperty().bind(Bindings.createStringBinding(
                () -> messages.format("practices.count", viewModel.rows().size(), viewModel.totalProperty().get()),
                viewModel.rows(), viewModel.totalProperty()));

        table.setRowFactory(view -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(event -> {
            Row selected = table.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.ENTER && selected != null) {
                viewModel.open(selected);
                event.consume();
            }
        });
        viewModel.load();  // the page is built when first shown: its practices are read from then on
    }

    /** A sortable text column, in the order of the UI language; cells follow their text's direction. */
    private static void text(TableColumn<Row, String> column, Function<Row, String> value, Collator collator) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setComparator(collator::compare);
        column.setCellFactory(view -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                setTooltip(empty || text == null || text.isEmpty() ? null : new Tooltip(text));
                setNodeOrientation(empty ? javafx.geometry.NodeOrientation.INHERIT : TextDirection.of(text));
            }
        });
    }

    /** Export to spreadsheet…: the rows as the table shows them, to a file the user names. */
    @FXML
    private void exportSpreadsheet() {
        Messages messages = language.messages();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("practices.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("practices.file-type"), "*.xlsx"));
        chooser.setInitialFileName(messages.get("practices.sheet") + ".xlsx");
        java.io.File file = chooser.showSaveDialog(table.getScene().getWindow());
        if (file != null) {
            viewModel.export(table.getItems(), file.toPath());
        }
    }

    @FXML
    private void clearAll() {
        viewModel.clearAll();
    }

    private void buildFacetPanes(Messages messages) {
        for (Facet facet : Facet.values()) {
            VBox values = new VBox(2);
            values.getStyleClass().add("facet-values");
            VBox content = new VBox(6);
            if (facet == Facet.THEME) {
                content.getChildren().add(themeMatching(messages));
            }
            content.getChildren().add(values);
            TitledPane pane = new TitledPane(title(facet), content);
            pane.getStyleClass().add("facet");
            pane.setExpanded(OPEN_AT_FIRST.contains(facet) || !viewModel.filterProperty().get().chosen(facet).isEmpty());
            panes.put(facet, pane);
            valueBoxes.put(facet, values);
            facetBox.getChildren().add(pane);
        }
    }

    private String title(Facet facet) {
        return language.messages().get("practices.facet." + facet.name().toLowerCase(Locale.ROOT));
    }

    /** "Any of these themes" or "all of them". */
    private HBox themeMatching(Messages messages) {
        ToggleGroup group = new ToggleGroup();
        RadioButton any = new RadioButton(messages.get("practices.themes.any"));
        RadioButton all = new RadioButton(messages.get("practices.themes.all"));
        any.setToggleGroup(group);
        all.setToggleGroup(group);
        (viewModel.filterProperty().get().allThemes() ? all : any).setSelected(true);
        scope.onChange(viewModel.filterProperty(), (old, filter) -> (filter.allThemes() ? all : any).setSelected(true));
        any.setOnAction(event -> viewModel.setAllThemes(false));
        all.setOnAction(event -> viewModel.setAllThemes(true));
        HBox box = new HBox(12, any, all);
        box.getStyleClass().add("theme-matching");
        return box;
    }

    /** Updates the check boxes in place, so the one the keyboard is on keeps the focus. */
    private void showGroups() {
        for (FacetGroup group : viewModel.groups()) {
            VBox box = valueBoxes.get(group.facet());
            List<CheckBox> boxes = new ArrayList<>();
            for (int i = 0; i < group.values().size(); i++) {
                FacetValue value = group.values().get(i);
                CheckBox check = i < box.getChildren().size() && box.getChildren().get(i) instanceof CheckBox existing
                        ? existing : new CheckBox();
                show(check, value);
                boxes.add(check);
            }
            if (!box.getChildren().equals(boxes)) {
                box.getChildren().setAll(boxes);
            }
            long chosen = group.values().stream().filter(FacetValue::chosen).count();
            TitledPane pane = panes.get(group.facet());
            String title = title(group.facet());
            pane.setText(chosen == 0 ? title : language.messages().format("practices.facet.chosen", title, chosen));
        }
    }

    private void show(CheckBox check, FacetValue value) {
        check.setWrapText(true);  // long theme names wrap: the count at the end stays in sight
        check.setText(language.messages().format("practices.facet.value", value.label(), value.count()));
        check.setSelected(value.chosen());
        check.setUserData(value);
        check.getStyleClass().remove("facet-empty");
        if (value.count() == 0 && !value.chosen()) {
            check.getStyleClass().add("facet-empty");  // dimmed: ticking it would show nothing
        }
        check.setOnAction(event -> {
            FacetValue current = (FacetValue) check.getUserData();
            viewModel.toggle(current.facet(), current.key());
        });
    }

    private void showChips(Messages messages) {
        List<javafx.scene.Node> nodes = new ArrayList<>();
        for (Chip chip : viewModel.chips()) {
            Label cross = new Label("✕");
            cross.getStyleClass().add("filter-chip-remove");
            Button button = new Button(chip.label(), cross);
            button.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);  // at the end, in either direction
            button.getStyleClass().add("filter-chip");
            button.setTooltip(new Tooltip(messages.get("practices.remove-filter")));
            button.setOnAction(event -> viewModel.remove(chip));
            nodes.add(button);
        }
        clearAllLink.setVisible(!nodes.isEmpty());
        clearAllLink.setManaged(!nodes.isEmpty());
        if (nodes.isEmpty()) {
            Label none = new Label(messages.get("practices.no-filter"));
            none.getStyleClass().add("no-filter");
            nodes.add(none);
        }
        nodes.add(clearAllLink);
        chipBar.getChildren().setAll(nodes);
    }
}
