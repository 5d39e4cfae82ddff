package ma.etamkeen.rihla.ui.common;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.controlsfx.control.CheckComboBox;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Theme;

/** The parts every entry editor shares: the list beside it, the author picker, the theme picker. */
public final class EntryViews {
    private EntryViews() {
    }

    /**
     * Binds a list of entries to its view model: selection both ways, the editor shown only with a selected
     * entry, the problem message under it, Delete moves the selected entry to the trash.
     */
    public static <T> void bindList(ViewScope scope, ListView<T> list, EntriesViewModel<T> viewModel, Node editor,
                                    Node whenEmpty, Label problem) {
        showItems(list, viewModel.entries());
        // Only a user's choice reaches the view model: a list refilled under the user clears its selection.
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedProperty().set(item);
            }
        });
        scope.onChange(viewModel.selectedProperty(), (old, entry) -> {
            if (entry == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
                list.scrollTo(entry);
            }
        });
        editor.visibleProperty().bind(viewModel.selectedProperty().isNotNull());
        whenEmpty.visibleProperty().bind(viewModel.selectedProperty().isNull());
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        list.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                viewModel.deleteSelected();
                event.consume();
            }
        });
    }

    /**
     * Attaches files to the selected entry. An entry not stored yet (a note still empty) gets a word in
     * the status bar instead: it is stored with its first words.
     */
    public static <T> void attachToSelected(EntriesViewModel<T> viewModel, BiConsumer<EntryKind, UUID> chooseFiles,
                                            WindowContext context) {
        viewModel.flush();
        T entry = viewModel.selectedProperty().get();
        if (entry == null) {
            return;
        }
        if (!viewModel.isSelectedStored()) {
            context.saveStatus().info(context.language().messages().get("notes.write-first"));
            return;
        }
        chooseFiles.accept(viewModel.kind(), viewModel.idOf(entry));
    }

    /** A required title field: left blank, it gets the saved title back when the user moves on. */
    public static <T> void titleField(TextField field, EntriesViewModel<T> viewModel, Function<T, String> title) {
        field.focusedProperty().addListener((obs, was, focused) -> {
            T entry = viewModel.selectedProperty().get();
            if (!focused && field.getText().isBlank() && entry != null) {
                field.setText(title.apply(entry));
            }
        });
    }

    /**
     * Shows a list the view models keep, until the view leaves the window (a redraw in another language):
     * then the old list lets go, so it no longer reacts to the view model's changes.
     */
    public static <T> void showItems(ListView<T> list, ObservableList<T> items) {
        list.setItems(items);
        list.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null && scene == null) {
                list.setItems(null);
            }
        });
    }

    /** The same for a table. */
    public static <T> void showItems(javafx.scene.control.TableView<T> table, ObservableList<T> items) {
        table.setItems(items);
        table.sceneProperty().addListener((obs, old, scene) -> {
            if (old != null && scene == null) {
                table.setItems(null);
            }
        });
    }

    /** Headings in a list are not selectable: the selection skips over them in the direction it was moving. */
    public static <T> void skipHeadings(ListView<T> list, java.util.function.Predicate<T> isHeading) {
        list.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            int i = index.intValue();
            if (i < 0 || !isHeading.test(list.getItems().get(i))) {
                return;
            }
            int step = old.intValue() > i ? -1 : 1;
            int next = i + step;
            if (next < 0 || next >= list.getItems().size()) {
                next = i - step;
            }
            list.getSelectionModel().clearAndSelect(next);
        });
    }

    /** Two-line cells: a title and a muted line under it. */
    public static <T> void twoLineCells(ListView<T> list, Function<T, String> title, Function<T, String> detail) {
        list.setCellFactory(view -> new ListCell<>() {
            {
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label first = new Label(title.apply(item));
                first.getStyleClass().add("entry-title");
                first.setNodeOrientation(TextDirection.of(first.getText()));
                first.setMaxWidth(Double.MAX_VALUE);
                Label second = new Label(detail.apply(item));
                second.getStyleClass().add("entry-detail");
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, first, second);
                setText(null);
                setGraphic(box);
            }
        });
    }

    /** The author picker: the delegates of the list, or nobody. */
    public static void authorPicker(ViewScope scope, ComboBox<Delegate> box,
                                    javafx.beans.property.ObjectProperty<UUID> author, WindowContext context) {
        box.setConverter(Texts.converter(delegate -> delegate == null
                ? context.language().messages().get("entry.no-author") : delegate.name()));
        ObservableList<Delegate> delegates = context.delegates();
        Runnable refill = () -> {
            box.getItems().setAll(delegates);
            box.getItems().add(0, null);
            select(box, author.get());
        };
        scope.onChange(delegates, (ListChangeListener<Delegate>) change -> refill.run());
        refill.run();
        scope.onChange(author, (old, id) -> select(box, id));
        box.valueProperty().addListener((obs, old, delegate) -> {
            UUID id = delegate == null ? null : delegate.id();
            if (!java.util.Objects.equals(id, author.get())) {
                author.set(id);
            }
        });
    }

    private static void select(ComboBox<Delegate> box, UUID id) {
        Delegate match = box.getItems().stream().filter(d -> d != null && d.id().equals(id)).findFirst().orElse(null);
        if (box.getValue() != match) {
            box.setValue(match);
        }
    }

    /** A multi-choice picker kept in step with a set of keys (theme codes, administration ids ...). */
    public static <T, K> void checkPicker(ViewScope scope, CheckComboBox<T> box, ObservableList<T> choices,
                                          ObservableSet<K> chosen, Function<T, K> key, Function<T, String> label) {
        box.setConverter(Texts.converter(item -> item == null ? "" : label.apply(item)));
        boolean[] syncing = {false};
        Runnable fromSet = () -> {
            syncing[0] = true;
            try {
                box.getCheckModel().clearChecks();
                for (T item : box.getItems()) {
                    if (chosen.contains(key.apply(item))) {
                        box.getCheckModel().check(item);
                    }
                }
            } finally {
                syncing[0] = false;
            }
        };
        Runnable refill = () -> {
            box.getItems().setAll(choices);
            fromSet.run();
        };
        scope.onChange(choices, (ListChangeListener<T>) change -> refill.run());
        scope.onChange(chosen, (SetChangeListener<K>) change -> {
            if (!syncing[0]) {
                fromSet.run();
            }
        });
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) change -> {
            if (syncing[0]) {
                return;
            }
            Set<K> now = new HashSet<>();
            box.getCheckModel().getCheckedItems().forEach(item -> now.add(key.apply(item)));
            syncing[0] = true;
            try {
                chosen.retainAll(now);
                chosen.addAll(now);
            } finally {
                syncing[0] = false;
            }
        });
        refill.run();
    }

    /** The theme picker of lessons and ideas. */
    public static void themePicker(ViewScope scope, CheckComboBox<Theme> box, ObservableSet<String> chosen,
                                   WindowContext context) {
        checkPicker(scope, box, context.themes(), chosen, Theme::code, theme -> theme.label().in(context.language().get()));
    }
}
