package ma.etamkeen.rihla.testing;

import java.nio.file.Path;

import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;

/**
 * Two laptops that exchanged once and then both changed the same note: Amina's demo data on one, imported on
 * Youssef's, then Amina's package with the conflict, ready for Youssef's import preview.
 */
public final class Laptops {
    public static final String AMINA_SAYS = "APICA : le jumeau numérique, vu par Amina.";
    public static final String YOUSSEF_SAYS = "APICA : un jumeau numérique en 2D et 3D, vu par Youssef.";

    private Laptops() {
    }

    /**
     * Both laptops, fresh, change the same seeded site: Amina its level (to regional), Youssef its French summary
     * (to {@link #YOUSSEF_SUMMARY}). Returns Amina's package, which conflicts with Youssef's site.
     */
    public static Path siteConflictPackage(Path amina, Path youssef, Path packages) {
        Path pkg = packages.resolve("amina.rihla");
        try (Workspace a = Workspace.open(amina); Workspace y = Workspace.open(youssef)) {
            Site asa = a.catalog().site("asa").orElseThrow();
            a.knowledge().saveSite(new Site(asa.id(), asa.visitId(), asa.slug(), asa.name(), asa.originalName(),
                    asa.type(), GovernmentLevel.REGIONAL, asa.levelDetail(), asa.city(), asa.address(), asa.website(),
                    asa.summary(), asa.themes(), asa.facts(), asa.toConfirm(), asa.confirmations()));
            Site his = y.catalog().site("asa").orElseThrow();
            y.knowledge().saveSite(new Site(his.id(), his.visitId(), his.slug(), his.name(), his.originalName(),
                    his.type(), his.level(), his.levelDetail(), his.city(), his.address(), his.website(),
                    new Localized(his.summary().ar(), YOUSSEF_SUMMARY, his.summary().en()), his.themes(), his.facts(),
                    his.toConfirm(), his.confirmations()));
            a.exchange().export(pkg, ExportScope.all(), (done, total) -> { });
        }
        return pkg;
    }

    public static final String YOUSSEF_SUMMARY = "Résumé de Youssef.";

    /** Fills both folders and returns Amina's second package, which conflicts with Youssef's note. */
    public static Path conflictingPackage(Path amina, Path youssef, Path packages) throws Exception {
        DemoData.fill(amina);
        Path first = packages.resolve("first.rihla");
        Note shared;
        try (Workspace a = Workspace.open(amina)) {
            a.exchange().export(first, ExportScope.all(), (done, total) -> { });
            shared = a.notes().forSite(Seeder.siteId("port-of-antwerp-bruges")).get(0);
        }
        try (Workspace y = Workspace.open(youssef); ExchangePackage pkg = y.exchange().read(first)) {
            y.exchange().apply(pkg, y.exchange().plan(pkg), java.util.Map.of(), (done, total) -> { }, () -> false);
            y.notes().save(shared.withBody(YOUSSEF_SAYS));
        }
        Path second = packages.resolve("amina.rihla");
        try (Workspace a = Workspace.open(amina)) {
            a.notes().save(shared.withBody(AMINA_SAYS));
            a.exchange().export(second, ExportScope.all(), (done, total) -> { });
        }
        return second;
    }

    /**
     * Amina writes {@code count} notes and sends them; Youssef imports them, deletes them all and empties
     * his trash (a purge), then sends everything back: the package that would delete them on Amina's laptop.
     */
    public static Path deletingPackage(Path amina, Path youssef, Path packages, int count) throws Exception {
        Path hers = packages.resolve("amina.rihla");
        java.util.List<java.util.UUID> notes;
        try (Workspace a = Workspace.open(amina)) {
            notes = Stores.addNotes(a, "gardee", count);
            a.exchange().export(hers, ExportScope.all(), (done, total) -> { });
        }
        Path his = packages.resolve("youssef.rihla");
        try (Workspace y = Workspace.open(youssef)) {
            try (ExchangePackage pkg = y.exchange().read(hers)) {
                y.exchange().apply(pkg, y.exchange().plan(pkg), java.util.Map.of(), (done, total) -> { }, () -> false);
            }
            notes.forEach(note -> y.trash().delete(ma.etamkeen.rihla.model.EntryKind.NOTE, note));
            y.trash().empty(java.util.Optional.empty());
            y.exchange().export(his, ExportScope.all(), (done, total) -> { });
        }
        return his;
    }

    /**
     * Amina's demo data goes to Youssef, who writes a note of his own and sends it back; then Youssef changes
     * his note and, also, one of Amina's notes, and sends everything again: the package whose preview flags the
     * change to Amina's note (she wrote it, he sent it) and not the one to his own.
     */
    public static Path rewritingPackage(Path amina, Path youssef, Path packages) throws Exception {
        DemoData.fill(amina);
        Path hers = packages.resolve("amina.rihla");
        Note aminas;
        try (Workspace a = Workspace.open(amina)) {
            a.exchange().export(hers, ExportScope.all(), (done, total) -> { });
            aminas = a.notes().forSite(Seeder.siteId("port-of-antwerp-bruges")).get(0);
        }
        Path first = packages.resolve("youssef-1.rihla");
        Path second = packages.resolve("youssef-2.rihla");
        try (Workspace y = Workspace.open(youssef)) {
            try (ExchangePackage pkg = y.exchange().read(hers)) {
                y.exchange().apply(pkg, y.exchange().plan(pkg), java.util.Map.of(), (done, total) -> { }, () -> false);
            }
            ma.etamkeen.rihla.model.Delegate me = y.people().save(new ma.etamkeen.rihla.model.Delegate(
                    java.util.UUID.randomUUID(), "Youssef Benali", null));
            y.identity().setMe(me.id());
            Note his = y.notes().save(new Note(java.util.UUID.randomUUID(), Seeder.siteId("port-of-antwerp-bruges"), me.id(),
                    java.time.LocalDate.of(2022, 10, 3), "Le port : visite du centre de contrôle.", null));
            y.exchange().export(first, ExportScope.all(), (done, total) -> { });
            try (Workspace a = Workspace.open(amina); ExchangePackage pkg = a.exchange().read(first)) {
                a.exchange().apply(pkg, a.exchange().plan(pkg), java.util.Map.of(), (done, total) -> { }, () -> false);
            }
            y.notes().save(his.withBody("Le port : visite du centre de contrôle, avec l'équipe APICA."));
            y.notes().save(aminas.withBody(YOUSSEF_SAYS));
            y.exchange().export(second, ExportScope.all(), (done, total) -> { });
        }
        return second;
    }
}
