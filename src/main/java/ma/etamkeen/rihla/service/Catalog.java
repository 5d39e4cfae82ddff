package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.SiteRepository;
import ma.etamkeen.rihla.store.ThemeRepository;
import ma.etamkeen.rihla.store.VisitRepository;

/** Reads the visits, their sites and the themes. Blocking: call it off the JavaFX thread. */
public final class Catalog {
    private final Database database;
    private final SiteRepository sites = new SiteRepository();
    private final ThemeRepository themes = new ThemeRepository();
    private final VisitRepository visits = new VisitRepository();

    public Catalog(Database database) {
        this.database = database;
    }

    /** The visits, the earliest first. */
    public List<Visit> visits() {
        return database.read(visits::findAll);
    }

    public Optional<Visit> visit(String code) {
        return database.read(tx -> visits.findByCode(tx, code));
    }

    public Optional<Visit> visit(UUID id) {
        return database.read(tx -> visits.findById(tx, id));
    }

    /** The sites of every visit, by slug. */
    public List<Site> sites() {
        return database.read(sites::findAll);
    }

    /** The sites of one visit, by slug. */
    public List<Site> sites(UUID visitId) {
        return sites().stream().filter(site -> site.visitId().equals(visitId)).toList();
    }

    public Optional<Site> site(String slug) {
        return database.read(tx -> sites.findBySlug(tx, slug));
    }

    public List<String> slugs() {
        return database.read(sites::slugs);
    }

    /** The themes, in their order, hidden ones too (see {@link Theme#hidden()}). */
    public List<Theme> themes() {
        return database.read(themes::findAll);
    }
}
