package ma.etamkeen.rihla.ui.board;

import java.util.UUID;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.ui.board.BoardViewModel.Card;
import ma.etamkeen.rihla.ui.board.BoardViewModel.Choice;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.ViewScope;

/**
 * The progress board's view: one column per status, in order (mirrored in Arabic), each a list of cards. A card
 * moves by drag and drop onto another column, or from the keyboard: Ctrl+→ and Ctrl+← move the selected card
 * one column to the right or the left as the board is drawn (in Arabic the next status is to the left), and it
 * stays selected in its new column.
 */
public final class BoardController {
    private final BoardViewModel viewModel;
    private final UiLanguage language;
    private final ViewScope scope;
    private Card dragged;
    private UUID keepSelected;

    @FXML
    private ComboBox<Choice> visitFilter;
    @FXML
    private ComboBox<Choice> targetFilter;
    @FXML
    private ComboBox<Choice> themeFilter;
    @FXML
    private ComboBox<Choice> ownerFilter;
    @FXML
    private HBox columns;

    public BoardController(BoardViewModel viewModel, UiLanguage language, ViewScope scope) {
        this.viewModel = viewModel;
        this.language = language;
        this.scope = scope;
    }

    @FXML
    private void initialize() {
        bind(visitFilter, viewModel.visits(), viewModel.visitProperty());
        bind(targetFilter, viewModel.targets(), viewModel.targetProperty());
        bind(themeFilter, viewModel.themes(), viewModel.themeProperty());
        bind(ownerFilter, viewModel.owners(), viewModel.ownerProperty());
        for (Idea.Status status : Idea.Status.values()) {
            columns.getChildren().add(column(status));
        }
        viewModel.load();
    }

    /** Export to spreadsheet…: the ideas the board shows, to a file the user names. */
    @FXML
    private void exportSpreadsheet() {
        var messages = language.messages();
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(messages.get("practices.export"));
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(messages.get("practices.file-type"),
                "*.xlsx"));
        chooser.setInitialFileName(ma.etamkeen.rihla.text.FileNames.forDisk(messages.get("page.board")) + ".xlsx");
        java.io.File file = chooser.showSaveDialog(columns.getScene().getWindow());
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    private void bind(ComboBox<Choice> box, javafx.collections.ObservableList<Choice> choices,
                      javafx.beans.property.ObjectProperty<Choice> chosen) {
        box.setItems(choices);
        box.valueProperty().bindBidirectional(chosen);
        scope.onChange(choices, (javafx.collections.ListChangeListener<Choice>) change -> {
            if (box.getValue() == null || !choices.contains(box.getValue())) {
                box.setValue(choices.isEmpty() ? null : choices.get(0));  // "All", or what was chosen if it is still there
            }
        });
    }

    private VBox column(Idea.Status status) {
        ListView<Card> list = new ListView<>(viewModel.column(status));
        list.getStyleClass().add("board-cards");
        list.setId("board-" + status.code());
        list.setPlaceholder(new Label(language.messages().get("board.empty")));
        list.setCellFactory(view -> new CardCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        Label header = new Label();
        header.getStyleClass().add("board-column-title");
        header.textProperty().bind(Bindings.createStringBinding(() -> language.messages().format("board.column",
                language.messages().get("idea-status." + status.code()), viewModel.column(status).size()),
                viewModel.column(status)));

        list.setOnDragOver(event -> {
            if (dragged != null && dragged.idea().status() != status) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        list.setOnDragDropped(event -> {
            boolean moved = dragged != null && dragged.idea().status() != status;
            if (moved) {
                keepSelected = dragged.idea().id();
                viewModel.move(dragged, status);
            }
            event.setDropCompleted(moved);
            event.consume();
        });
        // A filter: the list's own keys (Ctrl+arrows move its focus) would take the event first.
        list.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Card card = list.getSelectionModel().getSelectedItem();
            if (card == null || !event.isShortcutDown()
                    || event.getCode() != KeyCode.RIGHT && event.getCode() != KeyCode.LEFT) {
                return;
            }
            int towardsRight = event.getCode() == KeyCode.RIGHT ? 1 : -1;
            boolean mirrored = list.getEffectiveNodeOrientation() == NodeOrientation.RIGHT_TO_LEFT;
            keepSelected = card.idea().id();
            viewModel.step(card, mirrored ? -towardsRight : towardsRight);
            event.consume();
        });
        // The card moved from the keyboard or by a drop stays selected, and focused, in its new column.
        scope.onChange(viewModel.column(status), (javafx.collections.ListChangeListener<Card>) change -> {
            for (int i = 0; keepSelected != null && i < list.getItems().size(); i++) {
                if (list.getItems().get(i).idea().id().equals(keepSelected)) {
                    keepSelected = null;
                    int index = i;
                    Platform.runLater(() -> {  // after the list has taken in the change (which clears its selection)
                        list.getSelectionModel().select(index);
                        list.requestFocus();
                    });
                }
            }
        });
        VBox column = new VBox(6, header, list);
        column.getStyleClass().add("board-column");
        HBox.setHgrow(column, Priority.ALWAYS);
        column.setMinWidth(160);
        column.setPrefWidth(220);
        return column;
    }

    /** A card: the idea's title, where it comes from and whom it targets, its owner, and its last move. */
    private final class CardCell extends ListCell<Card> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label moved = new Label();
        private final VBox box = new VBox(3, title, meta, moved);

        CardCell() {
            title.getStyleClass().add("board-card-title");
            meta.getStyleClass().add("board-card-meta");
            moved.getStyleClass().add("board-card-moved");
            for (Label label : new Label[] {title, meta, moved}) {
                label.setWrapText(true);  // wrapped to the column's width, never cut short
                label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            setPrefWidth(0);  // the cell takes the list's width, not its text's
            // Wrapped to the list's width (a cell's own width is not known when its height is first asked).
            listViewProperty().addListener((obs, old, list) -> {
                for (Label label : new Label[] {title, meta, moved}) {
                    if (list == null) {
                        label.prefWidthProperty().unbind();
                    } else {
                        label.prefWidthProperty().bind(list.widthProperty().subtract(40));
                    }
                }
            });
            box.getStyleClass().add("board-card");
            setOnDragDetected(event -> {
                if (getItem() != null) {
                    dragged = getItem();
                    Dragboard board = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(getItem().title());
                    board.setContent(content);
                    event.consume();
                }
            });
            setOnDragDone(event -> dragged = null);
        }

        @Override
        protected void updateItem(Card card, boolean empty) {
            super.updateItem(card, empty);
            if (empty || card == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            title.setText(card.title());
            TextDirection.follow(title, card.title());  // a French title left to right on an Arabic board
            String where = String.join(" · ", java.util.stream.Stream.of(card.site(), card.targets(), card.owner())
                    .filter(part -> !part.isEmpty()).toList());
            meta.setText(where);
            meta.setManaged(!where.isEmpty());
            moved.setText(card.lastMove());
            moved.setManaged(!card.lastMove().isEmpty());
            setText(null);
            setGraphic(box);
        }
    }
}
