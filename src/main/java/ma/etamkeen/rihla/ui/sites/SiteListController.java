package ma.etamkeen.rihla.ui.sites;

import java.util.List;

import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.layout.VBox;

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
    private static final PseudoClass CITY_HEADING = PseudoClass.getPseudoClass("city-heading");
    private static final PseudoClass SITE = PseudoClass.getPseudoClass("site");
    private final SiteListViewModel viewModel;
    private final UiLanguage language;
    private final ViewScope scope;
    private final Runnable newSite;
    private final Tooltip fullName = new Tooltip();

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

    /** What an empty list says: the sites are being read, could not be read, or there are none. */
    private void showPlaceholder() {
        String key = viewModel.loadingProperty().get() ? "sites.loading"
                : viewModel.readFailedProperty().get() ? "sites.unreadable" : "sites.empty";
        siteList.setPlaceholder(new Label(language.messages().get(key)));
    }

    @FXML
    private void initialize() {
        EntryViews.showItems(siteList, viewModel.items());
        siteList.setCellFactory(list -> new ItemCell());
        showPlaceholder();
        scope.onChange(viewModel.loadingProperty(), (was, loading) -> showPlaceholder());
        // No count while the sites are read or could not be: "No sites" would say they are gone.
        countLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> viewModel.loadingProperty().get() || viewModel.readFailedProperty().get() ? ""
                        : language.messages().format("sites.count", viewModel.siteCountProperty().get()),
                viewModel.siteCountProperty(), viewModel.loadingProperty(), viewModel.readFailedProperty(),
                language.messagesBinding()));

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

    /**
     * Renders a city heading or a site with its type, level and theme chips. A cell builds its nodes once and
     * then only changes texts, which of its nodes show and a pseudo-class: the list measures many items through
     * one cell while it sizes itself, and new nodes or a new style class would send each through CSS again.
     */
    private final class ItemCell extends ListCell<Item> {
        private final Label heading = styled(new Label(), "city-heading");
        private final Label name = styled(new Label(), "site-name");
        private final Label meta = styled(new Label(), "site-meta");
        private final HBox chips = styled(new HBox(4), "chips");

        ItemCell() {
            // A zero preferred width lets cells follow the list's width and wrap, instead of scrolling sideways.
            setPrefWidth(0);
            // One line each, so every cell has the same height; the full name is in the tooltip and the detail.
            chips.setMinWidth(0);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(chips.widthProperty());
            clip.heightProperty().bind(chips.heightProperty());
            chips.setClip(clip);
            VBox box = styled(new VBox(3, heading, name, meta, chips), "site-cell-box");
            box.setMinWidth(0);
            setGraphic(box);
            // The site's full name on hover: one tooltip for the whole list, told which site it is over.
            setOnMouseEntered(event -> {
                if (getItem() instanceof SiteItem site) {
                    fullName.setText(site.name());
                }
            });
        }

        @Override
        protected void updateItem(Item item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            CityHeading city = !empty && item instanceof CityHeading cityItem ? cityItem : null;
            SiteItem site = !empty && item instanceof SiteItem siteItem ? siteItem : null;
            pseudoClassStateChanged(CITY_HEADING, city != null);
            pseudoClassStateChanged(SITE, site != null);
            getGraphic().setVisible(city != null || site != null);
            shown(heading, city != null);
            for (Node part : List.of(name, meta, chips)) {
                shown(part, site != null);
            }
            // Texts of what is hidden are cleared: nothing stale for a look-up by text (tests, accessibility).
            heading.setText(city == null ? null
                    : city.city() + "  ·  " + language.messages().format("sites.count", city.siteCount()));
            name.setText(site == null ? null : site.name());
            meta.setText(site == null ? null : site.meta());
            showThemes(site == null ? List.of() : site.themes());
            if (site != null && isHover()) {
                fullName.setText(site.name());
            }
            setTooltip(site == null ? null : fullName);
        }

        /** One chip per theme, reusing the chips the cell has. */
        private void showThemes(List<String> themes) {
            List<Node> shown = chips.getChildren();
            for (int i = 0; i < themes.size(); i++) {
                if (i < shown.size()) {
                    ((Label) shown.get(i)).setText(themes.get(i));
                } else {
                    shown.add(Chips.chip(themes.get(i)));
                }
            }
            if (shown.size() > themes.size()) {
                shown.subList(themes.size(), shown.size()).clear();
            }
        }
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static <T extends Node> T styled(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
