package ma.etamkeen.rihla.ui.people;

import java.util.Objects;
import java.util.UUID;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.TextInputs;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Binds the lists dialog: delegates (and who "I" am) and Moroccan administrations. */
public final class PeopleController {
    private final PeopleViewModel viewModel;
    private final WindowContext context;

    @FXML
    private TableView<Delegate> delegatesTable;
    @FXML
    private TableColumn<Delegate, String> delegateNameColumn;
    @FXML
    private TableColumn<Delegate, String> delegateAdministrationColumn;
    @FXML
    private TableColumn<Delegate, String> delegateMeColumn;
    @FXML
    private TextField delegateName;
    @FXML
    private ComboBox<Administration> delegateAdministration;
    @FXML
    private Label delegateProblem;
    @FXML
    private Button removeDelegateButton;
    @FXML
    private Button meButton;
    @FXML
    private TableView<Administration> administrationsTable;
    @FXML
    private TableColumn<Administration, String> acronymColumn;
    @FXML
    private TableColumn<Administration, String> nameArColumn;
    @FXML
    private TableColumn<Administration, String> nameFrColumn;
    @FXML
    private TextField acronym;
    @FXML
    private TextField nameAr;
    @FXML
    private TextField nameFr;
    @FXML
    private Label administrationProblem;
    @FXML
    private Button removeAdministrationButton;

    public PeopleController(PeopleViewModel viewModel) {
        this.viewModel = viewModel;
        this.context = viewModel.context();
    }

    @FXML
    private void initialize() {
        Language language = context.language().get();
        var messages = context.language().messages();
        EntryViews.showItems(delegatesTable, context.delegates());
        delegatesTable.setPlaceholder(new Label(messages.get("people.delegates.none")));
        delegateNameColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().name()));
        delegateAdministrationColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                administration(cell.getValue().administrationId()).map(a -> a.label(language)).orElse("")));
        delegateMeColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(
                context.meProperty().get() != null && context.meProperty().get().id().equals(cell.getValue().id()) ? "✓" : ""));
        ViewScope scope = new ViewScope().endWhenClosed(delegatesTable);
        scope.onChange(context.meProperty(), (old, me) -> delegatesTable.refresh());
        delegateAdministration.setConverter(Texts.converter(a -> a == null ? messages.get("people.no-administration")
                : a.label(language)));
        Runnable refill = () -> {
            delegateAdministration.getItems().setAll(context.administrations());
            delegateAdministration.getItems().add(0, null);
        };
        scope.onChange(context.administrations(), (ListChangeListener<Administration>) change -> refill.run());
        refill.run();
        delegatesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, delegate) -> showDelegate(delegate));
        removeDelegateButton.disableProperty().bind(delegatesTable.getSelectionModel().selectedItemProperty().isNull());
        meButton.disableProperty().bind(delegatesTable.getSelectionModel().selectedItemProperty().isNull());

        EntryViews.showItems(administrationsTable, context.administrations());
        administrationsTable.setPlaceholder(new Label(messages.get("people.administrations.none")));
        acronymColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().acronym()));
        nameArColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().nameAr()));
        nameFrColumn.setCellValueFactory(cell -> new ReadOnlyStringWrapper(cell.getValue().nameFr()));
        administrationsTable.getSelectionModel().selectedItemProperty()
                .addListener((obs, old, administration) -> showAdministration(administration));
        removeAdministrationButton.disableProperty()
                .bind(administrationsTable.getSelectionModel().selectedItemProperty().isNull());
        TextInputs.userText(delegateName, Limits.TITLE_CHARS, messages, delegateProblem::setText);
        for (TextField field : new TextField[] {acronym, nameAr, nameFr}) {
            TextInputs.userText(field, Limits.TITLE_CHARS, messages, administrationProblem::setText);
        }
    }

    private java.util.Optional<Administration> administration(UUID id) {
        return context.administrations().stream().filter(a -> a.id().equals(id)).findFirst();
    }

    private void showDelegate(Delegate delegate) {
        delegateProblem.setText("");
        delegateName.setText(delegate == null ? "" : delegate.name());
        delegateAdministration.setValue(delegate == null ? null
                : administration(delegate.administrationId()).orElse(null));
    }

    private void showAdministration(Administration administration) {
        administrationProblem.setText("");
        acronym.setText(administration == null || administration.acronym() == null ? "" : administration.acronym());
        nameAr.setText(administration == null || administration.nameAr() == null ? "" : administration.nameAr());
        nameFr.setText(administration == null || administration.nameFr() == null ? "" : administration.nameFr());
    }

    @FXML
    private void newDelegate() {
        delegatesTable.getSelectionModel().clearSelection();
        showDelegate(null);
        delegateName.requestFocus();
    }

    @FXML
    private void saveDelegate() {
        Delegate selected = delegatesTable.getSelectionModel().getSelectedItem();
        UUID id = selected == null ? UUID.randomUUID() : selected.id();
        Administration administration = delegateAdministration.getValue();
        Delegate delegate = new Delegate(id, delegateName.getText(), administration == null ? null : administration.id());
        viewModel.save(delegate, delegateProblem::setText, () -> select(delegatesTable, id, Delegate::id));
    }

    @FXML
    private void removeDelegate() {
        Delegate selected = delegatesTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.deleteDelegate(selected.id());
        }
    }

    @FXML
    private void setMe() {
        Delegate selected = delegatesTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.setMe(selected.id());
        }
    }

    @FXML
    private void newAdministration() {
        administrationsTable.getSelectionModel().clearSelection();
        showAdministration(null);
        acronym.requestFocus();
    }

    @FXML
    private void saveAdministration() {
        Administration selected = administrationsTable.getSelectionModel().getSelectedItem();
        UUID id = selected == null ? UUID.randomUUID() : selected.id();
        Administration administration = new Administration(id, nameAr.getText(), nameFr.getText(), acronym.getText());
        viewModel.save(administration, administrationProblem::setText,
                () -> select(administrationsTable, id, Administration::id));
    }

    @FXML
    private void removeAdministration() {
        Administration selected = administrationsTable.getSelectionModel().getSelectedItem();
        if (selected != null) {
            viewModel.deleteAdministration(selected.id());
        }
    }

    /** Selects the row with {@code id} once the list has been reloaded. */
    private static <T> void select(TableView<T> table, UUID id, java.util.function.Function<T, UUID> idOf) {
        ListChangeListener<T> once = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<? extends T> change) {
                table.getItems().stream().filter(item -> Objects.equals(idOf.apply(item), id)).findFirst()
                        .ifPresent(item -> table.getSelectionModel().select(item));
                table.getItems().removeListener(this);
            }
        };
        table.getItems().addListener(once);
    }
}
