package ma.etamkeen.rihla.ui.sites;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.UiLanguage;

/**
 * The sites of the chosen visit (of every visit while none is chosen), grouped by city in the UI language, and
 * the selected one. Selecting a site of another visit (a search hit) switches the visit.
 */
public final class SiteListViewModel {

    /** A row of the list: a city heading or a site. */
    public sealed interface Item permits CityHeading, SiteItem {
    }

    public record CityHeading(String city, int siteCount) implements Item {
    }

    /** A site as the list shows it. */
    public record SiteItem(Site site, String name, String meta, List<String> themes) implements Item {
    }

    private final Background background;
    private final UiLanguage language;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Site> selectedSite = new SimpleObjectProperty<>(this, "selectedSite");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading", true);
    private final BooleanProperty readFailed = new SimpleBooleanProperty(this, "readFailed");
    private final ReadOnlyIntegerWrapper siteCount = new ReadOnlyIntegerWrapper(this, "siteCount");
    private final ObjectProperty<UUID> visit = new SimpleObjectProperty<>(this, "visit");
    private final List<Runnable> onLoaded = new ArrayList<>();
    private List<Site> sites = List.of();
    private UUID selectAfterLoad;  // a site just added: selected once the list has it

    public SiteListViewModel(Background background, UiLanguage language) {
        this.background = background;
        this.language = language;
        language.languageProperty().addListener((obs, old, now) -> regroup());
        visit.addListener((obs, old, now) -> {
            Site selected = selectedSite.get();
            if (selected != null && now != null && !selected.visitId().equals(now)) {
                selectedSite.set(null);
            }
            regroup();
        });
    }

    /** The visit whose sites are listed (null: every visit). */
    public ObjectProperty<UUID> visitProperty() {
        return visit;
    }

    /** Loads the sites off the JavaFX thread. */
    public void load() {
        loading.set(true);
        background.read(workspace -> workspace.catalog().sites(), loaded -> {
            sites = loaded;
            regroup();  // first: the list holds the new versions before the selection follows
            Site selected = selectedSite.get();
            if (selected != null) {  // edited, or gone to the trash
                selectedSite.set(loaded.stream().filter(site -> site.id().equals(selected.id())).findFirst().orElse(null));
            }
            if (selectAfterLoad != null) {
                select(selectAfterLoad);
                selectAfterLoad = null;
            }
            readFailed.set(false);
            loading.set(false);
            onLoaded.forEach(Runnable::run);
        }, failure -> {
            readFailed.set(true);  // before loading ends: the list says it could not read them, not "no sites"
            loading.set(false);
            background.report(failure);
        });
    }

    /** Runs {@code action} each time the sites have been (re)loaded. */
    public void whenLoaded(Runnable action) {
        onLoaded.add(action);
    }

    private void regroup() {
        Language lang = language.get();
        Collator collator = Collator.getInstance(lang.locale());
        Map<String, List<Site>> byCity = new TreeMap<>(collator);
        for (Site site : sites) {
            if (visit.get() != null && !site.visitId().equals(visit.get())) {
                continue;
            }
            byCity.computeIfAbsent(site.city().in(lang), city -> new ArrayList<>()).add(site);
        }
        List<Item> grouped = new ArrayList<>();
        byCity.forEach((city, citySites) -> {
            grouped.add(new CityHeading(city, citySites.size()));
            citySites.stream()
                    .sorted(Comparator.comparing(site -> site.name().in(lang), collator))
                    .map(site -> toItem(site, lang))
                    .forEach(grouped::add);
        });
        items.setAll(grouped);
        siteCount.set((int) grouped.stream().filter(SiteItem.class::isInstance).count());
    }

    private SiteItem toItem(Site site, Language lang) {
        String meta = site.type().in(lang) + " · " + language.messages().get(site.level().messageKey());
        List<String> themes = site.themes().stream().map(Theme::label).map(label -> label.in(lang)).toList();
        return new SiteItem(site, site.name().in(lang), meta, themes);
    }

    /** Selects the site with {@code slug}, if there is one (its visit's sites are listed). */
    public void select(String slug) {
        sites.stream().filter(site -> site.slug().equals(slug)).findFirst().ifPresent(this::select);
    }

    /** Selects the site with {@code id} as soon as the list holds it (a site just added: the list reloads). */
    public void selectWhenLoaded(UUID id) {
        if (sites.stream().anyMatch(site -> site.id().equals(id))) {
            select(id);
        } else {
            selectAfterLoad = id;
        }
    }

    /** Selects the site with {@code id}, if there is one (its visit's sites are listed). */
    public void select(UUID id) {
        sites.stream().filter(site -> site.id().equals(id)).findFirst().ifPresent(this::select);
    }

    private void select(Site site) {
        if (visit.get() != null && !visit.get().equals(site.visitId())) {
            visit.set(site.visitId());
        }
        selectedSite.set(site);
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Site> selectedSiteProperty() {
        return selectedSite;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading;
    }

    /** Whether the last reading of the sites failed (the failure itself is shown as an error). */
    public ReadOnlyBooleanProperty readFailedProperty() {
        return readFailed;
    }

    public ReadOnlyIntegerProperty siteCountProperty() {
        return siteCount.getReadOnlyProperty();
    }
}
