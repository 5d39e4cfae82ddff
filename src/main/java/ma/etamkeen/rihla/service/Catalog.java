package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.Optional;

import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.SiteRepository;
import ma.etamkeen.rihla.store.ThemeRepository;
import ma.etamkeen.rihla.store.VisitRepository;

/** Reads the visit, its sites and themes. Blocking: call it off the JavaFX thread. */
public final class Catalog {
    private final Database database;
    private final SiteRepository sites = new SiteRepository();
    private final ThemeRepository themes = new ThemeRepository();
    private final VisitRepository visits = new VisitRepository();

    public Catalog(Database database) {
        this.database = database;
    }

    public Optional<Visit> visit() {
        return database.read(visits::findFirst);
    }

    public List<Site> sites() {
        return database.read(sites::findAll);
    }

    public Optional<Site> site(String slug) {
        return database.read(tx -> sites.findBySlug(tx, slug));
    }

    public List<String> slugs() {
        return database.read(sites::slugs);
    }

    public List<Theme> themes() {
        return database.read(themes::findAll);
    }
}
