package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;

/**
 * Loads the built-in reference data (the visit, its sites and themes) from the seed file.
 * It only ever adds what is missing, by deterministic id, so a user's edits and deletions (tombstones)
 * of seeded records survive every later start.
 */
public final class Seeder {

    public static final String SEED_RESOURCE = "/ma/etamkeen/rihla/seed/belgium-2022.json";
    public static final String SEED_AUTHOR = "rihla-seed";
    private static final String FINGERPRINT_SETTING = "seed.fingerprint";

    /** How many records a seeding run added. */
    public record Report(int visits, int themes, int administrations, int sites, int facts, int siteThemes) {
        public int total() {
            return visits + themes + administrations + sites + facts + siteThemes;
        }
    }

    // The seed file's shape.
    record SeedFile(int format, SeedVisit visit, List<SeedTheme> themes, List<SeedAdministration> administrations,
                    List<SeedSite> sites) {
    }

    record SeedVisit(String code, Localized title, String programme, Localized country, Localized cities,
                     LocalDate startsOn, LocalDate endsOn, int delegationSize, int administrationCount,
                     Localized description, List<String> sources) {
    }

    record SeedTheme(String code, Localized label) {
    }

    record SeedAdministration(String key, Localized name, String acronym) {
    }

    record SeedSite(String slug, Localized name, String originalName, Localized type, String level,
                    Localized levelDetail, Localized city, String address, String website, Localized summary,
                    List<String> themes, List<SeedFact> facts, List<Site.Field> toConfirm) {
    }

    record SeedFact(Localized text, String source, boolean toConfirm) {
    }

    private final byte[] seedBytes;
    private final SettingsRepository settings = new SettingsRepository();

    public Seeder() {
        this(readResource());
    }

    Seeder(byte[] seedBytes) {
        this.seedBytes = seedBytes;
    }

    public static UUID visitId(String code) {
        return Ids.of("visit", code);
    }

    public static UUID siteId(String slug) {
        return Ids.of("site", slug);
    }

    public static UUID themeId(String code) {
        return Ids.of("theme", code);
    }

    /**
     * Adds the missing reference data, unless this exact seed file was already applied (the usual case:
     * a quick check keeps it off the start-up path).
     */
    public Report ensureSeeded(Database database) {
        String fingerprint = fingerprint();
        boolean applied = database.read(tx -> settings.get(tx, FINGERPRINT_SETTING))
                .map(fingerprint::equals).orElse(false);
        return applied ? new Report(0, 0, 0, 0, 0, 0) : addMissing(database);
    }

    /** Adds every seeded record whose id is not in the database yet; never updates an existing one. */
    public Report addMissing(Database database) {
        SeedFile seed = parse();
        String fingerprint = fingerprint();
        return database.write(tx -> {
            Instant now = Database.now();
            int visits = addVisit(tx, seed.visit(), now);
            int themes = 0;
            for (int i = 0; i < seed.themes().size(); i++) {
                themes += addTheme(tx, seed.themes().get(i), i, now);
            }
            int administrations = 0;
            for (SeedAdministration administration : seed.administrations()) {
                administrations += addAdministration(tx, administration, now);
            }
            int sites = 0;
            int facts = 0;
            int links = 0;
            UUID visitId = visitId(seed.visit().code());
            for (SeedSite site : seed.sites()) {
                sites += addSite(tx, visitId, site, now);
                for (int i = 0; i < site.facts().size(); i++) {
                    facts += addFact(tx, site.slug(), i, site.facts().get(i), now);
                }
                for (String theme : site.themes()) {
                    links += addSiteTheme(tx, site.slug(), theme, now);
                }
            }
            settings.put(tx, FINGERPRINT_SETTING, fingerprint);
            ContentRevision.databaseId(tx);
            if (visits + themes + sites + facts + links > 0) {
                ContentRevision.bump(tx);
            }
            return new Report(visits, themes, administrations, sites, facts, links);
        });
    }

    private static int addVisit(Tx tx, SeedVisit visit, Instant now) throws SQLException {
        UUID id = visitId(visit.code());
        if (tx.exists("SELECT 1 FROM visit WHERE id = ?", id)) {
            return 0;
        }
        Visit record = new Visit(id, visit.code(), visit.title(), visit.programme(), orEmpty(visit.country()),
                orEmpty(visit.cities()), visit.startsOn(), visit.endsOn(), visit.delegationSize(),
                visit.administrationCount(), orEmpty(visit.description()), visit.sources());
        Rows.insert(tx, RecordKind.VISIT, id, Rows.values(RecordKind.VISIT, record), new Stamp(now, SEED_AUTHOR));
        return 1;
    }

    private static int addTheme(Tx tx, SeedTheme theme, int position, Instant now) throws SQLException {
        UUID id = themeId(theme.code());
        if (tx.exists("SELECT 1 FROM theme WHERE id = ?", id)) {
            return 0;
        }
        Theme record = new Theme(id, theme.code(), theme.label(), position, false);
        Rows.insert(tx, RecordKind.THEME, id, Rows.values(RecordKind.THEME, record), new Stamp(now, SEED_AUTHOR));
        return 1;
    }

    private static int addAdministration(Tx tx, SeedAdministration administration, Instant now) throws SQLException {
        UUID id = Ids.of("administration", administration.key());
        if (tx.exists("SELECT 1 FROM administration WHERE id = ?", id)) {
            return 0;
        }
        Administration record = new Administration(id, administration.name().ar(), administration.name().fr(),
                administration.acronym());
        Rows.insert(tx, RecordKind.ADMINISTRATION, id, Rows.values(RecordKind.ADMINISTRATION, record),
                new Stamp(now, SEED_AUTHOR));
        return 1;
    }

    private static int addSite(Tx tx, UUID visitId, SeedSite site, Instant now) throws SQLException {
        UUID id = siteId(site.slug());
        if (tx.exists("SELECT 1 FROM site WHERE id = ?", id)) {
            return 0;
        }
        Site record = new Site(id, visitId, site.slug(), site.name(), site.originalName(), orEmpty(site.type()),
                GovernmentLevel.fromCode(site.level()), orEmpty(site.levelDetail()), orEmpty(site.city()),
                site.address(), site.website(), orEmpty(site.summary()), List.of(), List.of(),
                site.toConfirm() == null ? Set.of() : Set.copyOf(site.toConfirm()), Map.of());
        Map<String, Object> values = Rows.values(RecordKind.SITE, record);
        values.remove("themes");  // added one by one below, so a later seed can add a theme to a site
        Rows.insert(tx, RecordKind.SITE, id, values, new Stamp(now, SEED_AUTHOR));
        return 1;
    }

    private static int addFact(Tx tx, String slug, int position, SeedFact fact, Instant now) throws SQLException {
        UUID id = Ids.of("site-fact", slug, position);
        if (tx.exists("SELECT 1 FROM site_fact WHERE id = ?", id)) {
            return 0;
        }
        SiteFact record = new SiteFact(id, siteId(slug), position, fact.text(), fact.source(), fact.toConfirm(), null);
        Rows.insert(tx, RecordKind.FACT, id, Rows.values(RecordKind.FACT, record), new Stamp(now, SEED_AUTHOR));
        return 1;
    }

    private static int addSiteTheme(Tx tx, String slug, String themeCode, Instant now) throws SQLException {
        UUID siteId = siteId(slug);
        UUID themeId = themeId(themeCode);
        UUID id = Ids.link("site_theme", siteId, themeId);
        if (tx.exists("SELECT 1 FROM site_theme WHERE id = ?", id)) {
            return 0;
        }
        return tx.update("""
                INSERT INTO site_theme (id, site_id, theme_id, created_at, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)""", id, siteId, themeId, now, now, SEED_AUTHOR);
    }

    private static Localized orEmpty(Localized text) {
        return text == null ? Localized.EMPTY : text;
    }

    SeedFile parse() {
        try {
            return new ObjectMapper()
                    .findAndRegisterModules()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(seedBytes, SeedFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The built-in seed file is unreadable", e);
        }
    }

    private String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(seedBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readResource() {
        try (InputStream in = Seeder.class.getResourceAsStream(SEED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed resource " + SEED_RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
