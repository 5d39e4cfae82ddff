package ma.etamkeen.rihla.ui.site;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.ui.attachments.AttachmentsController;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.Chips;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.View;
import ma.etamkeen.rihla.ui.common.ViewLoader;
import ma.etamkeen.rihla.ui.ideas.IdeasController;
import ma.etamkeen.rihla.ui.lessons.LessonsController;
import ma.etamkeen.rihla.ui.notes.NotesController;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel.Detail;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel.Fact;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel.Row;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel.SiteTab;

/**
 * Renders the selected site: the overview from its view model, and the tabs of entries, whose titles
 * count them. Texts in the UI language follow the window's direction; names in other languages take
 * the direction of their own text.
 */
public final class SiteDetailController {
    private final SiteDetailViewModel viewModel;
    private final UiLanguage language;
    private final Consumer<String> openLink;
    private final ViewScope scope;
    private final SiteActions actions;

    @FXML
    private Label emptyLabel;
    @FXML
    private BorderPane sitePane;
    @FXML
    private Label titleLabel;
    @FXML
    private Label subtitleLabel;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab overviewTab;
    @FXML
    private Tab notesTab;
    @FXML
    private Tab lessonsTab;
    @FXML
    private Tab ideasTab;
    @FXML
    private Tab attachmentsTab;
    @FXML
    private Tab trashTab;
    @FXML
    private ScrollPane detailPane;
    @FXML
    private GridPane factsGrid;
    @FXML
    private Label summaryLabel;
    @FXML
    private FlowPane themeChips;
    @FXML
    private VBox factList;
    private final ViewLoader.Lazy<NotesController> notesView;
    private final ViewLoader.Lazy<LessonsController> lessonsView;
    private final ViewLoader.Lazy<IdeasController> ideasView;
    private final ViewLoader.Lazy<AttachmentsController> attachmentsView;
    private final ViewLoader.Lazy<Object> trashView;

    /** What the site's header offers besides its tabs: editing the site, deleting it. */
    public interface SiteActions {
        void edit();

        void delete();
    }

    /** @param views loads each tab's view the first time the tab is opened */
    public SiteDetailController(SiteDetailViewModel viewModel, UiLanguage language, Consumer<String> openLink,
                                ViewLoader views, ViewScope scope, SiteActions actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.scope = scope;
        this.language = language;
        this.openLink = openLink;
        this.notesView = views.lazy(View.NOTES, language::messages);
        this.lessonsView = views.lazy(View.LESSONS, language::messages);
        this.ideasView = views.lazy(View.IDEAS, language::messages);
        this.attachmentsView = views.lazy(View.ATTACHMENTS, language::messages);
        this.trashView = views.lazy(View.TRASH, language::messages);
    }

    @FXML
    private void initialize() {
        scope.onChange(viewModel.detailBinding(), (old, detail) -> show(detail));
        show(viewModel.detail());
        List<Tab> inOrder = List.of(overviewTab, notesTab, lessonsTab, ideasTab, attachmentsTab, trashTab);
        Map<Tab, ViewLoader.Lazy<?>> lazyTabs = Map.of(notesTab, notesView, lessonsTab, lessonsView, ideasTab, ideasView,
                attachmentsTab, attachmentsView, trashTab, trashView);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            ViewLoader.Lazy<?> view = lazyTabs.get(tab);
            if (view != null && !view.isLoaded()) {
                tab.setContent(view.root());
            }
        });
        tabs.getSelectionModel().select(inOrder.get(viewModel.tabProperty().get().ordinal()));
        tabs.getSelectionModel().selectedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0) {
                viewModel.tabProperty().set(SiteTab.values()[index.intValue()]);
            }
        });
        scope.onChange(viewModel.tabProperty(), (old, tab) -> tabs.getSelectionModel().select(inOrder.get(tab.ordinal())));
        count(notesTab, "site.tab.notes", viewModel.notes().entries());
        count(lessonsTab, "site.tab.lessons", viewModel.lessons().entries());
        count(ideasTab, "site.tab.ideas", viewModel.ideas().entries());
        count(attachmentsTab, "site.tab.attachments", viewModel.attachments().attachments());
    }

    private void count(Tab tab, String key, ObservableList<?> entries) {
        tab.textProperty().bind(Bindings.createStringBinding(() -> language.messages().format(key, entries.size()),
                entries, language.languageProperty()));
    }

    /** Ctrl+N: a new entry in the current tab (a note from the overview or the trash). */
    public void newEntry() {
        Tab current = tabs.getSelectionModel().getSelectedItem();
        if (current == lessonsTab) {
            lessonsView.controller().create();
        } else if (current == ideasTab) {
            ideasView.controller().create();
        } else if (current == attachmentsTab) {
            attachmentsView.controller().attach();
        } else {
            tabs.getSelectionModel().select(notesTab);
            notesView.controller().create();
        }
    }

    @FXML
    private void editSite() {
        actions.edit();
    }

    @FXML
    private void deleteSite() {
        actions.delete();
    }

    /** Ctrl+Shift+A: files for the site, from the attachments tab. */
    public void attach() {
        tabs.getSelectionModel().select(attachmentsTab);
        attachmentsView.controller().attach();
    }

    private void show(Detail detail) {
        sitePane.setVisible(detail != null);
        emptyLabel.setVisible(detail == null);
        if (detail == null) {
            return;
        }
        Messages messages = language.messages();
        titleLabel.setText(detail.title());
        subtitleLabel.setText(detail.subtitle());

        factsGrid.getChildren().clear();
        int line = 0;
        java.util.Set<Site.Field> offered = java.util.EnumSet.noneOf(Site.Field.class);
        for (Row row : detail.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("field-label");
            factsGrid.add(label, 0, line);
            // One Confirm per field, on its first row (a name has three).
            factsGrid.add(value(row, messages, row.toConfirm() != null && offered.add(row.toConfirm())), 1, line);
            line++;
        }

        summaryLabel.setText(detail.summary());
        themeChips.getChildren().setAll(Chips.of(detail.themes()));

        factList.getChildren().clear();
        for (Fact fact : detail.facts()) {
            factList.getChildren().add(factNode(fact, messages));
        }
        detailPane.setVvalue(0);
    }

    private Node value(Row row, Messages messages, boolean offerConfirm) {
        Node value;
        if (row.link()) {
            Hyperlink link = new Hyperlink(row.value());
            link.setOnAction(event -> openLink.accept(row.value()));
            value = link;
        } else {
            Label label = TextDirection.follow(new Label(row.value()), row.value());
            label.setWrapText(true);
            label.getStyleClass().add("field-value");
            value = label;
        }
        if (row.toConfirm() == null) {
            return value;
        }
        HBox box = new HBox(8, value, Chips.toConfirm(messages.get("site.to-confirm"), messages.get("site.to-confirm.tooltip")));
        if (offerConfirm) {
            box.getChildren().add(confirmButton(messages, () -> viewModel.confirm(row.toConfirm())));
        }
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** "Confirm": the value is right as it stands (to correct it, edit the site). */
    private static Button confirmButton(Messages messages, Runnable confirm) {
        Button button = new Button(messages.get("site.confirm"));
        button.getStyleClass().add("confirm-button");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);  // beside a long fact it keeps its word
        button.setTooltip(new javafx.scene.control.Tooltip(messages.get("site.confirm.tooltip")));
        button.setOnAction(event -> confirm.run());
        return button;
    }

    private Node factNode(Fact fact, Messages messages) {
        Label text = new Label("• " + fact.text());
        text.setWrapText(true);
        text.getStyleClass().add("fact-text");
        HBox line = new HBox(8, text);
        HBox.setHgrow(text, Priority.ALWAYS);
        if (fact.toConfirm()) {
            line.getChildren().addAll(Chips.toConfirm(messages.get("site.to-confirm"), messages.get("site.to-confirm.tooltip")),
                    confirmButton(messages, () -> viewModel.confirm(fact.fact())));
        }
        Node source;
        if (fact.source() != null) {
            Hyperlink link = new Hyperlink(fact.source());
            link.setOnAction(event -> openLink.accept(fact.source()));
            link.getStyleClass().add("fact-source");
            source = link;
        } else {
            Label none = new Label(messages.get("site.fact.no-source"));
            none.getStyleClass().add("fact-source-missing");
            source = none;
        }
        VBox box = new VBox(2, line, source);
        box.getStyleClass().add("fact");
        return box;
    }
}
