package ma.etamkeen.rihla.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ContentRevision;
import ma.etamkeen.rihla.store.SearchIndex;
import ma.etamkeen.rihla.store.Seeder;

/** Real stores for fault tests: filled with notes, copied as a kill leaves them, fingerprinted. */
public final class Stores {
    public static final UUID SITE = Seeder.siteId("asa");

    private Stores() {
    }

    /** Saves {@code count} notes, each naming {@code word} and its number, one transaction each; returns their ids. */
    public static List<UUID> addNotes(Workspace workspace, String word, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Note note = workspace.notes().save(new Note(UUID.randomUUID(), SITE, null, LocalDate.of(2022, 9, 28),
                    word + " " + i + " : " + "la charge administrative mesurée chaque année ".repeat(3), null));
            ids.add(note.id());
        }
        return ids;
    }

    /**
     * Waits, at most 60 s, until what the search index of {@code folder} last committed (a store id and revision;
     * empty without an index) satisfies {@code done}, as it does once opened and caught up in the background
     * without any search; returns what it recorded last.
     */
    public static Optional<ContentRevision.Stamp> awaitIndexRecord(Path folder,
                                                                   Predicate<Optional<ContentRevision.Stamp>> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Optional<ContentRevision.Stamp> recorded = SearchIndex.recordedStamp(folder);
        while (!done.test(recorded) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            recorded = SearchIndex.recordedStamp(folder);
        }
        return recorded;
    }

    /**
     * Copies the data folder of an open workspace as a SIGKILL would leave it: every save is synced before it
     * returns, so the files on the disk are what survives a kill at this moment.
     */
    public static void copyAsKilled(Workspace open, Path target) throws IOException {
        open.search().awaitReady();
        copyFolder(open.folder(), target);
        Files.deleteIfExists(target.resolve("rihla.lock"));
    }

    public static void copyFolder(Path source, Path target) throws IOException {
        try (var paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    /**
     * A store as an older version of Rihla left it: the schema up to migration {@code version}, the built-in
     * visit and one site (ASA) in that schema's columns, marked as seeded (so a start does not add the other
     * sites, with times of its own), with its id and revision. Returns the JDBC address, to add more rows.
     */
    public static String olderStore(Path folder, String version) throws Exception {
        Files.createDirectories(folder);
        String url = "jdbc:h2:file:" + folder.resolve("rihla").toAbsolutePath();
        org.flywaydb.core.Flyway.configure().dataSource(url, "rihla", "")
                .locations("classpath:ma/etamkeen/rihla/db/migration").target(version).load().migrate();
        byte[] seed;
        try (var in = Seeder.class.getResourceAsStream(Seeder.SEED_RESOURCE)) {
            seed = in.readAllBytes();
        }
        try (var connection = java.sql.DriverManager.getConnection(url, "rihla", "");
             var insert = connection.prepareStatement("INSERT INTO app_setting VALUES (?, ?)")) {
            var statement = connection.createStatement();
            statement.execute("INSERT INTO visit (id, code, title_fr, programme, starts_on, ends_on, delegation_size,"
                    + " administration_count, created_at, updated_at, updated_by) VALUES ('"
                    + Seeder.visitId("belgium-2022") + "', 'belgium-2022', 'Visite en Belgique 2022', 'E-TAMKEEN',"
                    + " DATE '2022-09-25', DATE '2022-10-05', 18, 14, NOW(), NOW(), 'rihla-seed')");
            statement.execute("INSERT INTO site (id, visit_id, slug, name_fr, level, created_at, updated_at, updated_by)"
                    + " VALUES ('" + SITE + "', '" + Seeder.visitId("belgium-2022") + "', 'asa',"
                    + " 'Agence pour la Simplification Administrative', 'federal', NOW(), NOW(), 'rihla-seed')");
            for (String[] setting : new String[][] {{"seed.fingerprint", HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(seed))}, {"content.database-id",
                    UUID.randomUUID().toString()}, {"content.revision", "1"}}) {
                insert.setString(1, setting[0]);
                insert.setString(2, setting[1]);
                insert.executeUpdate();
            }
        }
        return url;
    }

    /** The SHA-256 of a file, to show it was not changed. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
