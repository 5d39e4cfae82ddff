package ma.etamkeen.rihla.service;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;

import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.store.ContentRevision;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Json;
import ma.etamkeen.rihla.store.PracticeRepository;
import ma.etamkeen.rihla.store.SettingsRepository;

/**
 * Every lesson learned and idea for transfer across all sites, filtered by facets, and the last filter used
 * (kept for the next start). Also the way for other features (the brief) to get a filtered list.
 */
public final class PracticeService {
    private static final String LAST_FILTER = "ui.practices.filter";
    private static final String LAST_SEARCH = "ui.search.query";
    private final Database database;
    private final Catalog catalog;
    private final PracticeRepository practices = new PracticeRepository();
    private final SettingsRepository settings = new SettingsRepository();
    /** The practices as of a content revision: facets are counted again on every click, the rows rarely change. */
    private volatile Snapshot snapshot;

    private record Snapshot(long revision, FacetIndex index) {
    }

    PracticeService(Database database, Catalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    public List<Practice> all() {
        return current().practices();
    }

    /** The practices passing {@code filter}, and the facet counts around it. */
    public Facets filter(PracticeFilter filter) {
        return current().count(filter);
    }

    /** The practices as of now; read again only after the content changed. */
    private FacetIndex current() {
        long revision = database.read(ContentRevision::current);
        Snapshot known = snapshot;
        if (known == null || known.revision() != revision) {
            // Read after the revision: at worst newer than it, and then read again next time.
            known = new Snapshot(revision, FacetIndex.of(database.read(practices::all), catalog.sites()));
            snapshot = known;
        }
        return known.index();
    }

    public PracticeFilter lastFilter() {
        return database.read(tx -> settings.get(tx, LAST_FILTER)).map(this::parse).orElse(PracticeFilter.none());
    }

    public void rememberFilter(PracticeFilter filter) {
        try {
            String text = Json.MAPPER.writeValueAsString(filter);
            database.write(tx -> {
                settings.put(tx, LAST_FILTER, text);
                return null;
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String lastSearch() {
        return database.read(tx -> settings.get(tx, LAST_SEARCH)).orElse("");
    }

    public void rememberSearch(String query) {
        database.write(tx -> {
            settings.put(tx, LAST_SEARCH, query == null || query.isBlank() ? null : query);
            return null;
        });
    }

    private PracticeFilter parse(String text) {
        try {
            return Json.MAPPER.readValue(text, PracticeFilter.class);
        } catch (JsonProcessingException | RuntimeException e) {
            return PracticeFilter.none();  // an old or damaged setting: start afresh
        }
    }
}
