package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.model.Codes;
import ma.etamkeen.rihla.model.Confirmation;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.store.SiteRepository;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.store.ThemeRepository;
import ma.etamkeen.rihla.store.TrashRepository;
import ma.etamkeen.rihla.store.Tx;
import ma.etamkeen.rihla.store.VisitRepository;
import ma.etamkeen.rihla.text.FileNames;

/**
 * The knowledge base the delegates complete: visits, sites, their facts and sources, themes. Every field is
 * checked against the field model ({@link RecordKind}) before anything is written; a visit, a site and a theme
 * get their id from their code or slug, so the same visit prepared on two laptops (or imported from the same
 * CSV file) is one record when they exchange packages. Confirming a "to be confirmed" field or fact, or
 * correcting it, takes the mark off and keeps who did it and when.
 */
public final class KnowledgeBase {
    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final VisitRepository visits = new VisitRepository();
    private final SiteRepository sites = new SiteRepository();
    private final ThemeRepository themes = new ThemeRepository();
    private final TrashRepository trash = new TrashRepository();
    private final SettingsRepository settings = new SettingsRepository();
    private final ExchangeRepository exchange = new ExchangeRepository();
    private static final String CHOSEN_VISIT = "ui.visit";

    /**
     * Runs a write of visits, sites, facts or themes on the writer thread, after remembering the versions
     * they have now ({@link ExchangeRepository#rememberCurrent}): a site edited here and sent back unedited
     * by a colleague is then ours-newer, not a conflict.
     */
    private <T> T writeKnowledge(Database.Work<T> work) {
        return database.write(tx -> {
            exchange.rememberCurrent(tx, RecordKind.VISIT, RecordKind.SITE, RecordKind.FACT, RecordKind.THEME);
            return work.run(tx);
        });
    }

    KnowledgeBase(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    // Visits.

    /**
     * Creates a visit (with a null id: it gets the id its code has on every laptop) or updates one.
     *
     * @throws RejectedInput {@code visit.code-invalid}, {@code visit.code-taken}, {@code visit.title-required},
     *                       {@code visit.dates-order}, {@code input.field-too-long}
     */
    public Visit saveVisit(Visit given) {
        checkCode(given.code(), "visit.code-invalid");
        Visit visit = given.id() != null ? given : new Visit(Seeder.visitId(given.code()), given.code(), given.title(),
                given.programme(), given.country(), given.cities(), given.startsOn(), given.endsOn(),
                given.delegationSize(), given.administrationCount(), given.description(), given.sources());
        if (visit.title().isEmpty()) {
            throw new RejectedInput("visit.title-required");
        }
        if (visit.startsOn() != null && visit.endsOn() != null && visit.endsOn().isBefore(visit.startsOn())) {
            throw new RejectedInput("visit.dates-order");
        }
        checkLimits(RecordKind.VISIT, visit);
        Stamp stamp = identity.stamp();
        writeKnowledge(tx -> {
            if (visits.codeTaken(tx, visit.code(), given.id())) {  // a new visit: any other with its code
                throw new RejectedInput("visit.code-taken", visit.code());
            }
            visits.findById(tx, visit.id()).filter(old -> !old.code().equals(visit.code())).ifPresent(old -> {
                throw new RejectedInput("visit.code-fixed", old.code());
            });
            visits.save(tx, visit, stamp);
            return null;
        });
        return visit;
    }

    /** The code of the visit the window showed last, if any. */
    public Optional<String> chosenVisit() {
        return database.read(tx -> settings.get(tx, CHOSEN_VISIT));
    }

    /** Remembers the visit the window shows, for the next start. */
    public void chooseVisit(String code) {
        database.write(tx -> {
            settings.put(tx, CHOSEN_VISIT, code);
            return null;
        });
    }

    // Sites.

    /**
     * Creates a site (with a null id: it gets the id its slug has on every laptop) or updates one, with its
     * themes (its facts are saved one by one). A field marked "to be confirmed" that the user corrected loses its
     * mark, and the correction is kept as a confirmation.
     *
     * @throws RejectedInput {@code site.name-required}, {@code site.slug-invalid}, {@code site.slug-taken},
     *                       {@code site.unknown-visit}, {@code input.field-too-long}, {@code site.in-trash}
     */
    public Site saveSite(Site given) {
        return saveSite(given, null);
    }

    /**
     * As {@link #saveSite(Site)}, with the site's facts as the editor left them, in one transaction: facts
     * without an id are added, changed ones saved (a correction takes off the "to be confirmed" mark), and stored
     * facts missing from {@code facts} removed. {@code facts} null leaves the facts as they are.
     *
     * @throws RejectedInput as {@link #saveSite(Site)}, and {@code fact.text-required}
     */
    public Site saveSite(Site given, List<SiteFact> facts) {
        checkCode(given.slug(), "site.slug-invalid");
        Site site = given.id() != null ? given : with(given, Seeder.siteId(given.slug()));
        if (site.name().isEmpty() && (site.originalName() == null || site.originalName().isBlank())) {
            throw new RejectedInput("site.name-required");
        }
        checkLimits(RecordKind.SITE, site);
        List<SiteFact> placed = facts == null ? null : facts.stream().map(fact -> new SiteFact(
                fact.id() != null ? fact.id() : UUID.randomUUID(), site.id(), fact.position(), fact.text(),
                fact.source(), fact.toConfirm(), fact.confirmation())).toList();
        if (placed != null) {
            placed.forEach(KnowledgeBase::checkFact);
        }
        Stamp stamp = identity.stamp();
        Site saved = writeKnowledge(tx -> {
            if (sites.slugTaken(tx, site.slug(), given.id())) {  // a new site: any other with its slug
                throw new RejectedInput("site.slug-taken", site.slug());
            }
            if (visits.findById(tx, site.visitId()).isEmpty()) {
                throw new RejectedInput("site.unknown-visit", site.slug());
            }
            Optional<Site> old = sites.findById(tx, site.id());
            if (old.isPresent() && !old.get().slug().equals(site.slug())) {
                throw new RejectedInput("site.slug-fixed", old.get().slug());
            }
            Site corrected = old.map(stored -> corrected(site, stored, stamp)).orElse(site);
            if (!sites.save(tx, corrected, stamp)) {
                throw new RejectedInput("site.in-trash", site.slug());
            }
            if (placed != null) {
                Set<UUID> kept = new HashSet<>();
                for (SiteFact fact : placed) {
                    saveFact(tx, fact, stamp);
                    kept.add(fact.id());
                }
                for (SiteFact stored : old.map(Site::facts).orElse(List.of())) {
                    if (!kept.contains(stored.id())) {
                        sites.removeFact(tx, stored.id(), stamp);
                    }
                }
            }
            return sites.findById(tx, site.id()).orElse(corrected);
        });
        search.changed(SearchKind.SITE, saved.id());
        return saved;
    }

    /** The site with the marks of the fields the user changed taken off, and those changes kept as confirmations. */
    private static Site corrected(Site site, Site old, Stamp stamp) {
        Set<Site.Field> toConfirm = EnumSet.noneOf(Site.Field.class);
        toConfirm.addAll(site.toConfirm());
        Map<Site.Field, Confirmation> confirmations = new EnumMap<>(Site.Field.class);
        confirmations.putAll(site.confirmations());
        List<String> changed = RecordKind.SITE.changed(site, old).stream().map(Field::name).toList();
        for (Site.Field field : site.toConfirm()) {
            if (changed.stream().anyMatch(column -> columnOf(column, field))) {
                toConfirm.remove(field);
                confirmations.put(field, new Confirmation(stamp.by(), stamp.at()));
            }
        }
        return with(site, toConfirm, confirmations);
    }

    /** Whether a column holds (part of) a field that can be marked "to be confirmed". */
    private static boolean columnOf(String column, Site.Field field) {
        return switch (field) {
            case NAME -> column.startsWith("name_");
            case CITY -> column.startsWith("city_");
            case LEVEL -> column.equals("level") || column.startsWith("level_detail_");
            case ADDRESS -> column.equals("address");
            case WEBSITE -> column.equals("website");
        };
    }

    /**
     * Confirms a field marked "to be confirmed" as it stands: the mark goes, who and when are kept.
     *
     * @return the site as stored
     */
    public Site confirm(UUID siteId, Site.Field field) {
        Stamp stamp = identity.stamp();
        return writeKnowledge(tx -> {
            Site site = sites.findById(tx, siteId).orElseThrow(() -> new RejectedInput("site.gone"));
            Set<Site.Field> toConfirm = EnumSet.noneOf(Site.Field.class);
            toConfirm.addAll(site.toConfirm());
            toConfirm.remove(field);
            Map<Site.Field, Confirmation> confirmations = new EnumMap<>(Site.Field.class);
            confirmations.putAll(site.confirmations());
            confirmations.put(field, new Confirmation(stamp.by(), stamp.at()));
            Site confirmed = with(site, toConfirm, confirmations);
            sites.save(tx, confirmed, stamp);
            return confirmed;
        });
    }

    private static Site with(Site site, UUID id) {
        return new Site(id, site.visitId(), site.slug(), site.name(), site.originalName(), site.type(), site.level(),
                site.levelDetail(), site.city(), site.address(), site.website(), site.summary(), site.themes(),
                site.facts(), site.toConfirm(), site.confirmations());
    }

    private static Site with(Site site, Set<Site.Field> toConfirm, Map<Site.Field, Confirmation> confirmations) {
        return new Site(site.id(), site.visitId(), site.slug(), site.name(), site.originalName(), site.type(),
                site.level(), site.levelDetail(), site.city(), site.address(), site.website(), site.summary(),
                site.themes(), site.facts(), toConfirm, confirmations);
    }

    /** Moves a site to the trash with its notes, lessons learned, ideas for transfer and attachments. */
    public boolean deleteSite(UUID siteId) {
        Stamp stamp = identity.stamp();
        boolean deleted = writeKnowledge(tx -> trash.deleteSite(tx, siteId, stamp));
        search.rebuild();  // its entries leave the results with it
        return deleted;
    }

    /** Brings a site back from the trash with what was deleted along with it. */
    public boolean restoreSite(UUID siteId) {
        Stamp stamp = identity.stamp();
        boolean restored = writeKnowledge(tx -> trash.restoreSite(tx, siteId, stamp));
        search.rebuild();
        return restored;
    }

    /** A slug for a new site named {@code name}: its letters and digits, accents off, words joined by hyphens. */
    public static String slugOf(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 60 ? slug.substring(0, 60).replaceAll("-+$", "") : slug;
    }

    // Facts.

    /**
     * Adds a fact to a site (with a null id; it goes last) or updates one. Correcting a fact marked "to be confirmed" takes
     * the mark off and keeps who corrected it and when.
     *
     * @throws RejectedInput {@code fact.text-required}, {@code input.field-too-long}
     */
    public SiteFact saveFact(SiteFact given) {
        SiteFact fact = given.id() != null ? given : new SiteFact(UUID.randomUUID(), given.siteId(), given.position(),
                given.text(), given.source(), given.toConfirm(), given.confirmation());
        checkFact(fact);
        Stamp stamp = identity.stamp();
        SiteFact saved = writeKnowledge(tx -> saveFact(tx, fact, stamp));
        search.changed(SearchKind.SITE, fact.siteId());
        return saved;
    }

    private static void checkFact(SiteFact fact) {
        if (fact.text().isEmpty()) {
            throw new RejectedInput("fact.text-required");
        }
        checkLimits(RecordKind.FACT, fact);
    }

    /** Saves a fact: a new one goes last; a corrected one loses its "to be confirmed" mark. */
    private SiteFact saveFact(Tx tx, SiteFact fact, Stamp stamp) throws SQLException {
        SiteFact old = sites.findById(tx, fact.siteId()).flatMap(site -> site.facts().stream()
                .filter(f -> f.id().equals(fact.id())).findFirst()).orElse(null);
        SiteFact placed = old == null ? new SiteFact(fact.id(), fact.siteId(), sites.nextFactPosition(tx, fact.siteId()),
                fact.text(), fact.source(), fact.toConfirm(), fact.confirmation()) : fact;
        if (old != null && old.toConfirm() && RecordKind.FACT.differs(placed, old)) {
            placed = new SiteFact(placed.id(), placed.siteId(), placed.position(), placed.text(), placed.source(),
                    false, new Confirmation(stamp.by(), stamp.at()));
        }
        sites.saveFact(tx, placed, stamp);
        return placed;
    }

    /** Confirms a fact marked "to be confirmed" as it stands. */
    public SiteFact confirmFact(SiteFact fact) {
        Stamp stamp = identity.stamp();
        SiteFact confirmed = new SiteFact(fact.id(), fact.siteId(), fact.position(), fact.text(), fact.source(), false,
                new Confirmation(stamp.by(), stamp.at()));
        writeKnowledge(tx -> {
            sites.saveFact(tx, confirmed, stamp);
            return null;
        });
        return confirmed;
    }

    /** Removes a fact (a tombstone travels to the other laptops). */
    public void removeFact(SiteFact fact) {
        Stamp stamp = identity.stamp();
        writeKnowledge(tx -> {
            sites.removeFact(tx, fact.id(), stamp);
            return null;
        });
        search.changed(SearchKind.SITE, fact.siteId());
    }

    // Themes.

    /**
     * Adds a theme (with a null id: it gets the id its code has on every laptop; it goes last; its code never
     * changes afterwards) or renames or hides one; returns it as stored.
     *
     * @throws RejectedInput {@code theme.code-invalid}, {@code theme.code-taken}, {@code theme.label-required},
     *                       {@code input.field-too-long}
     */
    public Theme saveTheme(Theme given) {
        return saveThemes(List.of(given)).get(0);
    }

    /**
     * As {@link #saveTheme}, for several themes in one transaction: all of them are saved, or none.
     *
     * @return the themes as stored, in the order given
     */
    public List<Theme> saveThemes(List<Theme> given) {
        for (Theme theme : given) {
            checkCode(theme.code(), "theme.code-invalid");
            if (theme.label().isEmpty()) {
                throw new RejectedInput("theme.label-required", theme.code());
            }
            checkLimits(RecordKind.THEME, theme);
        }
        Stamp stamp = identity.stamp();
        List<Theme> saved = writeKnowledge(tx -> {
            List<Theme> stored = new ArrayList<>();
            for (Theme theme : given) {
                if (themes.codeTaken(tx, theme.code(), theme.id())) {  // a new theme: any other with its code
                    throw new RejectedInput("theme.code-taken", theme.code());
                }
                Theme placed = theme.id() != null ? theme : new Theme(Seeder.themeId(theme.code()), theme.code(),
                        theme.label(), themes.nextPosition(tx), theme.hidden());
                themes.save(tx, placed, stamp);
                stored.add(placed);
            }
            return stored;
        });
        search.rebuild();  // theme filters and labels of sites and entries follow
        return saved;
    }

    // A visit prepared in a spreadsheet.

    /** What a visit import did: visits and sites created, updated, left as they were. */
    public record VisitImport(int visitsAdded, int visitsUpdated, int sitesAdded, int sitesUpdated, int unchanged) {
        /** Whether the file added or changed anything (the same file twice: no). */
        public boolean changedAnything() {
            return visitsAdded + visitsUpdated + sitesAdded + sitesUpdated > 0;
        }
    }

    /**
     * Creates or updates the visits and sites of a CSV file (see {@link VisitCsv}), matched by visit code and
     * site slug: all of it in one transaction, or nothing. Fields the file has no column for keep their value;
     * the same file imported twice changes nothing.
     *
     * @throws RejectedInput for a file that cannot be read or checked ({@link VisitCsv#read}), or
     *                       {@code csv.site-elsewhere}, {@code csv.site-in-trash}
     */
    public VisitImport importVisits(Path file) {
        Set<String> themeCodes = new HashSet<>(database.read(tx -> themes.idsByCode(tx).keySet()));
        List<VisitCsv.PlannedVisit> planned = VisitCsv.read(file, themeCodes);
        String name = FileNames.clean(String.valueOf(file.getFileName()));
        Stamp stamp = identity.stamp();
        VisitImport done = writeKnowledge(tx -> {
            int[] counts = new int[5];
            for (VisitCsv.PlannedVisit plan : planned) {
                Optional<Visit> old = visits.findByCode(tx, plan.code());
                Visit visit = old.map(existing -> new Visit(existing.id(), existing.code(), plan.title(),
                        existing.programme(), plan.columns().contains("country") ? plan.country() : existing.country(),
                        existing.cities(), plan.startsOn(), plan.endsOn(), existing.delegationSize(),
                        existing.administrationCount(), existing.description(), existing.sources()))
                        .orElseGet(() -> new Visit(Seeder.visitId(plan.code()), plan.code(), plan.title(), null,
                                plan.country(), Localized.EMPTY, plan.startsOn(), plan.endsOn(),
                                null, null, Localized.EMPTY, List.of()));
                if (old.isEmpty() || RecordKind.VISIT.differs(visit, old.get())) {
                    visits.save(tx, visit, stamp);
                    counts[old.isEmpty() ? 0 : 1]++;
                } else {
                    counts[4]++;
                }
                for (VisitCsv.PlannedSite row : plan.sites()) {
                    importSite(tx, name, visit, row, plan.columns(), stamp, counts);
                }
            }
            return new VisitImport(counts[0], counts[1], counts[2], counts[3], counts[4]);
        });
        if (done.changedAnything()) {
            search.rebuild();
        }
        return done;
    }

    private void importSite(Tx tx, String file, Visit visit, VisitCsv.PlannedSite row,
                            Set<String> columns, Stamp stamp, int[] counts) throws SQLException {
        UUID id = Seeder.siteId(row.slug());
        Optional<Site> old = sites.findById(tx, id);
        if (old.isEmpty() && sites.slugTaken(tx, row.slug(), UUID.randomUUID())) {
            throw new RejectedInput("csv.site-in-trash", file, row.row(), row.slug());
        }
        if (old.isPresent() && !old.get().visitId().equals(visit.id())) {
            throw new RejectedInput("csv.site-elsewhere", file, row.row(), row.slug());
        }
        Site base = old.orElse(null);
        List<Theme> siteThemes = themes.findAll(tx).stream().filter(theme -> row.themes().contains(theme.code())).toList();
        Site site = new Site(id, visit.id(), row.slug(),
                merge(base == null ? null : base.name(), row.name(), columns, "name"),
                columns.contains("name_original") || base == null ? row.originalName() : base.originalName(),
                merge(base == null ? null : base.type(), row.type(), columns, "type"),
                row.level(),
                base == null ? Localized.EMPTY : base.levelDetail(),
                base != null && Arrays.asList(base.city().ar(), base.city().fr(), base.city().en()).contains(row.city().fr())
                        ? base.city() : row.city(),  // the one city column names a city it has: its translations stay
                columns.contains("address") || base == null ? row.address() : base.address(),
                columns.contains("website") || base == null ? row.website() : base.website(),
                merge(base == null ? null : base.summary(), row.summary(), columns, "summary"),
                siteThemes, List.of(), base == null ? Set.of() : base.toConfirm(),
                base == null ? Map.of() : base.confirmations());
        if (base == null || RecordKind.SITE.differs(site, base)) {
            checkLimits(RecordKind.SITE, site);
            sites.save(tx, site, stamp);
            counts[base == null ? 2 : 3]++;
        } else {
            counts[4]++;
        }
    }

    /** A text in three languages from the file's columns ({@code <prefix>_ar} ...), the stored ones where it has none. */
    private static Localized merge(Localized stored,
                                                            Localized fromFile,
                                                            Set<String> columns, String prefix) {
        if (stored == null) {
            return fromFile;
        }
        return new Localized(
                columns.contains(prefix + "_ar") ? fromFile.ar() : stored.ar(),
                columns.contains(prefix + "_fr") ? fromFile.fr() : stored.fr(),
                columns.contains(prefix + "_en") ? fromFile.en() : stored.en());
    }

    // Checks shared by the editors and the CSV import.

    static void checkCode(String code, String refusalKey) {
        if (!Codes.valid(code)) {
            throw new RejectedInput(refusalKey, code == null ? "" : code);
        }
    }

    /**
     * Every text of {@code record} within its column's limit (the field model).
     *
     * @throws RejectedInput {@code input.field-too-long} naming the field (its label key) and both lengths
     */
    static <R> void checkLimits(RecordKind<R> kind, R record) {
        for (Field<R> field : kind.fields()) {
            if (field.type() == Field.Type.TEXT && field.value() != null
                    && field.value().apply(record) instanceof String text && text.length() > field.maxChars()) {
                throw new RejectedInput("input.field-too-long", new RejectedInput.Term("field." + field.name()),
                        text.length(), field.maxChars());
            }
        }
    }
}
