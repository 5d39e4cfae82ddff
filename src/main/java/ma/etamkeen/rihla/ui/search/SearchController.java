package ma.etamkeen.rihla.ui.search;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.SearchService.Highlighted;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.search.SearchViewModel.Heading;
import ma.etamkeen.rihla.ui.search.SearchViewModel.HitRow;
import ma.etamkeen.rihla.ui.search.SearchViewModel.Row;

/** Binds the search results: grouped rows, matched words in bold, Enter or a double click opens a hit. */
public final class SearchController {
    private final SearchViewModel viewModel;
    private final ViewScope scope;
    private final UiLanguage language;
    private final javafx.collections.ObservableList<Theme> themes;
    private final javafx.collections.ObservableList<Visit> visits;

    @FXML
    private Label summaryLabel;
    @FXML
    private ComboBox<Theme> themeBox;
    @FXML
    private ComboBox<Visit> visitBox;
    @FXML
    private ListView<Row> resultList;

    /** @param visits the visits, for the filter "all visits" or one of them */
    public SearchController(SearchViewModel viewModel, UiLanguage language,
                            javafx.collections.ObservableList<Theme> themes,
                            javafx.collections.ObservableList<Visit> visits, ViewScope scope) {
        this.viewModel = viewModel;
        this.language = language;
        this.themes = themes;
        this.visits = visits;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        Messages messages = language.messages();
        EntryViews.showItems(resultList, viewModel.rows());
        resultList.setCellFactory(list -> new ResultCell());
        EntryViews.skipHeadings(resultList, Heading.class::isInstance);
        resultList.setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2) {
                openSelected();
            }
        });
        resultList.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.ENTER) {
                openSelected();
                event.consume();
            }
        });
        summaryLabel.textProperty().bind(Bindings.createStringBinding(() -> summary(messages),
                viewModel.totalProperty(), viewModel.shownProperty(), viewModel.queryProperty(),
                viewModel.searchedProperty()));
        Label placeholder = new Label();
        placeholder.getStyleClass().add("empty-state");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> viewModel.searchedProperty().get()
                        ? messages.format("search.nothing", viewModel.queryProperty().get())
                        : messages.get("search.searching"),
                viewModel.searchedProperty(), viewModel.queryProperty()));
        resultList.setPlaceholder(placeholder);

        // Theme filter: "all themes" (null), then the themes of the visit.
        themeBox.setConverter(Texts.converter(theme -> theme == null ? messages.get("search.all-themes")
                : theme.label().in(language.get())));
        themeBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Theme theme, boolean empty) {
                super.updateItem(theme, empty);
                setText(themeBox.getConverter().toString(empty ? null : theme));
            }
        });
        fillThemes();
        scope.onChange(themes, (ListChangeListener<Theme>) change -> fillThemes());
        themeBox.valueProperty().addListener((obs, old, theme) -> viewModel.themeProperty().set(theme));

        // Visit filter: "all visits" (null), then each visit.
        visitBox.setConverter(Texts.converter(visit -> visit == null ? messages.get("search.all-visits")
                : visit.title().in(language.get())));
        visitBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Visit visit, boolean empty) {
                super.updateItem(visit, empty);
                setText(visitBox.getConverter().toString(empty ? null : visit));
            }
        });
        fillVisits();
        scope.onChange(visits, (ListChangeListener<Visit>) change -> fillVisits());
        visitBox.valueProperty().addListener((obs, old, visit) -> viewModel.visitProperty().set(visit));
    }

    private void fillVisits() {
        List<Visit> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(visits);
        Visit chosen = viewModel.visitProperty().get();
        visitBox.getItems().setAll(choices);
        visitBox.setValue(chosen == null ? null : visits.stream().filter(v -> v.id().equals(chosen.id())).findFirst()
                .orElse(null));
        visitBox.setVisible(visits.size() > 1);  // one visit: nothing to choose
        visitBox.setManaged(visitBox.isVisible());
    }

    private String summary(Messages messages) {
        int total = viewModel.totalProperty().get();
        int shown = viewModel.shownProperty().get();
        String query = viewModel.queryProperty().get();
        if (!viewModel.isActive()) {
            return "";
        }
        if (!viewModel.searchedProperty().get()) {
            return messages.get("search.searching");  // not "no results" while the index is still opening
        }
        return total > shown ? messages.format("search.summary.best", shown, total, query)
                : messages.format("search.summary", total, query);
    }

    private void fillThemes() {
        List<Theme> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(themes);
        themeBox.getItems().setAll(choices);
        themeBox.setValue(viewModel.themeProperty().get());
    }

    /** From the search field (Down, Enter): into the results, on the first hit. */
    public void focusResults() {
        resultList.requestFocus();
        if (resultList.getSelectionModel().isEmpty() && !resultList.getItems().isEmpty()) {
            resultList.getSelectionModel().select(resultList.getItems().get(0) instanceof Heading ? 1 : 0);
        }
    }

    private void openSelected() {
        if (resultList.getSelectionModel().getSelectedItem() instanceof HitRow row) {
            viewModel.open(row.hit());
        }
    }

    /** Text with its matched words marked, in the direction of its own language. */
    static TextFlow marked(Highlighted highlighted, String styleClass) {
        String text = highlighted.text();
        List<Text> pieces = new ArrayList<>();
        int at = 0;
        for (int[] match : highlighted.matches()) {
            if (match[0] > at) {
                pieces.add(piece(text.substring(at, match[0]), false));
            }
            pieces.add(piece(text.substring(match[0], match[1]), true));
            at = match[1];
        }
        if (at < text.length()) {
            pieces.add(piece(text.substring(at), false));
        }
        TextFlow flow = new TextFlow(pieces.toArray(Text[]::new));
        flow.getStyleClass().add(styleClass);
        TextDirection.follow(flow, text);
        return flow;
    }

    private static Text piece(String text, boolean match) {
        Text piece = new Text(text);
        piece.getStyleClass().add(match ? "search-match" : "search-text");
        return piece;
    }

    /** A group heading, or a hit: its title, where it is, and an excerpt. */
    private final class ResultCell extends ListCell<Row> {
        ResultCell() {
            setPrefWidth(0);  // follow the list's width and wrap
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().removeAll("result-heading-cell", "result-cell");
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
            } else if (row instanceof Heading heading) {
                getStyleClass().add("result-heading-cell");
                Label label = new Label(heading.label());
                label.getStyleClass().add("result-heading");
                setGraphic(label);
            } else if (row instanceof HitRow hit) {
                getStyleClass().add("result-cell");
                TextFlow title = marked(hit.hit().title(), "result-title");
                boolean site = hit.hit().kind() == SearchKind.SITE;  // its name is the title already
                Label where = new Label(site ? hit.kindLabel() : hit.kindLabel() + " · " + hit.hit().siteName());
                where.getStyleClass().add("result-where");
                VBox box = new VBox(2, title, where);
                String snippet = hit.hit().snippet().text();
                if (!snippet.isBlank() && !snippet.equals(hit.hit().title().text())) {
                    box.getChildren().add(marked(hit.hit().snippet(), "result-snippet"));
                }
                box.setMinWidth(0);
                box.getStyleClass().add("result-box");
                setGraphic(box);
            }
        }
    }
}
