package ma.etamkeen.rihla.ui.trash;

import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The trash of the selected site, or of every site when {@code allSites}. */
public final class TrashViewModel {
    private final WindowContext context;
    private final boolean allSites;
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>(this, "site");
    private final ObservableList<TrashItem> items = FXCollections.observableArrayList();

    /** @param scope how long it follows the window's changes: the window's life, or a dialog's */
    public TrashViewModel(WindowContext context, boolean allSites, ViewScope scope) {
        this.context = context;
        this.allSites = allSites;
        site.addListener((obs, old, now) -> reload());
        scope.onChange(context.revisionProperty(), (old, now) -> reload());
    }

    public boolean allSites() {
        return allSites;
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObservableList<TrashItem> items() {
        return items;
    }

    private Optional<UUID> scope() {
        return allSites || site.get() == null ? Optional.empty() : Optional.of(site.get().id());
    }

    public void reload() {
        if (!allSites && site.get() == null) {
            items.clear();
            return;
        }
        Optional<UUID> scope = scope();
        context.background().read(workspace -> workspace.trash().list(scope), items::setAll);
    }

    public void restore(TrashItem item) {
        context.background().write(workspace -> workspace.trash().restore(item), restored -> {
            context.saveStatus().info(context.language().messages().format("status.restored",
                    item.isSite() ? item.siteName().in(context.language().get()) : item.label()));
            if (allSites) {
                context.knowledgeChanged();  // a site may have come back (an entry brings its deleted site back)
            } else {
                context.changed();
            }
        });
    }

    /** Empties this trash for good (the view asks first). */
    public void empty() {
        Optional<UUID> scope = scope();
        context.background().write(workspace -> workspace.trash().empty(scope), purged -> {
            context.saveStatus().info(context.language().messages().format("trash.emptied", purged));
            context.changed();
        });
    }
}
