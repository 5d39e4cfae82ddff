package ma.etamkeen.rihla.ui.sites;

import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.VBox;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.Chips;
import ma.etamkeen.rihla.ui.common.EntryViews;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel.CityHeading;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel.Item;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel.SiteItem;

/** Binds the site list: city headings, site cells with their theme chips, and the selection. */
public final class SiteListController {
    private final SiteListViewModel viewModel;
    private final UiLanguage language;
    private final ViewScope scope;
    private final Runnable newSite;

    @FXML
    private ListView<Item> siteList;
    @FXML
    private Label countLabel;

    /** @param newSite opens the form of a new site of the visit shown */
    public SiteListController(SiteListViewModel viewModel, UiLanguage language, ViewScope scope, Runnable newSite) {
        this.viewModel = viewModel;
        this.language = language;
        this.scope = scope;
        this.newSite = newSite;
    }

    @FXML
    private void newSite() {
        newSite.run();
    }

    @FXML
    private void initialize() {
        EntryViews.showItems(siteList, viewModel.items());
        siteList.setCellFactory(list -> new ItemCell());
        siteList.setPlaceholder(new Label(language.messages().get("sites.loading")));
        scope.onChange(viewModel.loadingProperty(), (was, loading) -> {
            if (!loading) {
                siteList.setPlaceholder(new Label(language.messages().get("sites.empty")));
            }
        });
        countLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> language.messages().format("sites.count", viewModel.siteCountProperty().get()),
                viewModel.siteCountProperty(), language.messagesBinding()));

        EntryViews.skipHeadings(siteList, CityHeading.class::isInstance);
        siteList.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            // Only a chosen site reaches the view model: a list regrouped (language) clears its selection. The
            // same site selected again comes from a list being refreshed: the view model has it newer already.
            Site current = viewModel.selectedSiteProperty().get();
            if (item instanceof SiteItem siteItem && (current == null || !current.id().equals(siteItem.site().id()))) {
                viewModel.selectedSiteProperty().set(siteItem.site());
            }
        });
        scope.onChange(viewModel.selectedSiteProperty(), (old, site) -> showSelected());
        scope.onChange(viewModel.items(), (ListChangeListener<Item>) change -> showSelected());
        showSelected();
    }

    /** Highlights the view model's site in the list (after a regrouping, or in a redrawn window). */
    private void showSelected() {
        Site site = viewModel.selectedSiteProperty().get();
        if (site == null || siteList.getItems() == null) {
            return;
        }
        for (int i = 0; i < siteList.getItems().size(); i++) {
            if (siteList.getItems().get(i) instanceof SiteItem item && item.site().id().equals(site.id())) {
                if (siteList.getSelectionModel().getSelectedItem() != item) {
                    siteList.getSelectionModel().clearAndSelect(i);
                    siteList.scrollTo(i);
                }
                return;
            }
        }
    }

    /** Renders a city heading or a site with its type, level and theme chips. */
    private final class ItemCell extends ListCell<Item> {
        ItemCell() {
            // A zero preferred width lets cells follow the list's width and wrap, instead of scrolling sideways.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("city-heading-cell", "site-cell");
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            Messages messages = language.messages();
            if (item instanceof CityHeading heading) {
                getStyleClass().add("city-heading-cell");
                Label label = new Label(heading.city() + "  ·  " + messages.format("sites.count", heading.siteCount()));
                label.getStyleClass().add("city-heading");
                setGraphic(label);
            } else if (item instanceof SiteItem site) {
                getStyleClass().add("site-cell");
                // One line each, so every cell has the same height; the full name is in the tooltip and the detail.
                Label name = new Label(site.name());
                name.getStyleClass().add("site-name");
                Label meta = new Label(site.meta());
                meta.getStyleClass().add("site-meta");
                HBox chips = new HBox(4);
                chips.getStyleClass().add("chips");
                chips.getChildren().setAll(Chips.of(site.themes()));
                chips.setMinWidth(0);
                Rectangle clip = new Rectangle();
                clip.widthProperty().bind(chips.widthProperty());
                clip.heightProperty().bind(chips.heightProperty());
                chips.setClip(clip);
                VBox box = new VBox(3, name, meta, chips);
                box.getStyleClass().add("site-cell-box");
                box.setMinWidth(0);
                setTooltip(new Tooltip(site.name()));
                setGraphic(box);
            }
        }
    }
}
