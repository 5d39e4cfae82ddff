package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.FaultChild;
import ma.etamkeen.rihla.testing.Processes;
import ma.etamkeen.rihla.testing.Stores;

/**
 * The fault suite: a child JVM does file work on a real data folder — a backup, a restore, a first start, an
 * upgrade migration of a store with attachments (which moves their bytes to blobs), an import, writing all
 * briefs, compacting a grown store as it closes, attaching photos (with the trash emptied and unneeded blobs
 * removed) — and is killed with SIGKILL at a random moment inside that work, {@code rihla.fault.rounds} times
 * each (6 in {@code mvn verify}, to keep the suite within its time; {@code -Drihla.fault.rounds=200} for a
 * longer soak). After every kill the folder is opened as the next start would: it must open (never as damaged),
 * hold exactly the content from before the work or from after it, read every attachment it holds byte for byte,
 * list no damaged backup as good, find every blob a good backup needs, and have a search index that matches
 * the store.
 */
class FaultSuiteIT {
    static final int ROUNDS = Integer.getInteger("rihla.fault.rounds", 6);
    private static final Random RANDOM = new Random(20220925);

    @TempDir
    Path base;

    /** How one round ended: killed inside the work, or the work had ended before the kill. */
    private record Round(boolean killedInside) {
    }

    @Test
    void aKillDuringABackupLeavesTheStoreAsItWasAndNoPartialBackup() throws Exception {
        Path fixture = storeWithAttachments("fixture");
        Map<String, List<String>> content = contentOf(fixture);
        Path folder = base.resolve("data");
        Stores.copyFolder(fixture, folder);
        Work duration = calibrate(List.of("backup", folder.toString()));
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (killAtRandom(List.of("backup", folder.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, List.of(content));
        }
        report("backup", inside);
    }

    @Test
    void aKillWhileAttachingPhotosLeavesEveryAttachmentAndEveryBackupWithItsBytes() throws Exception {
        Path folder = storeWithAttachments("fixture");
        Path photos = Files.createDirectories(base.resolve("photos"));
        Work duration = calibrate(List.of("attach", folder.toString(), photos.toString()));
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (killAtRandom(List.of("attach", folder.toString(), photos.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, null);
            try (Workspace workspace = Workspace.open(folder)) {
                workspace.backups().backUpNow();
                Backups.removeUnneededBlobs(workspace.database());
            }
            try (var files = Files.walk(folder.resolve(BlobStore.FOLDER))) {
                assertThat(files.filter(AtomicFiles::isTemporary)).as("what a killed write left in blobs").isEmpty();
            }
        }
        report("attaching photos", inside);
    }

    @Test
    void aKillDuringTheCompactionOfAGrownStoreAtCloseLeavesItWholeWithTheSameContent() throws Exception {
        Path fixture = storeWithAttachments("fixture");
        try (Database database = Database.open(fixture)) {
            for (int batch = 0; batch < 4; batch++) {  // large transactions: the file grows past twice its live data
                database.write(tx -> {
                    NoteRepository notes = new NoteRepository();
                    for (int i = 0; i < 1_000; i++) {
                        notes.save(tx, new ma.etamkeen.rihla.model.Note(java.util.UUID.randomUUID(), Stores.SITE, null,
                                java.time.LocalDate.of(2022, 9, 28), "Une note parmi d'autres " + i, null),
                                new Stamp(java.time.Instant.now(), "test"));
                    }
                    return null;
                });
            }
        }
        Map<String, List<String>> content = contentOf(fixture);
        Path reference = base.resolve("reference");
        Stores.copyFolder(fixture, reference);
        Work duration = calibrate(List.of("compact", reference.toString()));
        assertThat(Files.size(reference.resolve(Database.DB_FILE))).as("compacted")
                .isLessThan(Files.size(fixture.resolve(Database.DB_FILE)));
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = base.resolve("compact-" + round);
            Stores.copyFolder(fixture, folder);
            if (killAtRandom(List.of("compact", folder.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, List.of(content));
            AtomicFiles.deleteQuietly(folder);
        }
        report("compaction at close", inside);
    }

    @Test
    void aKillDuringARestoreLeavesTheStoreBeforeOrAfterAndNeverEmpty() throws Exception {
        Path fixture = storeWithAttachments("fixture");
        Path backup;
        try (Workspace workspace = Workspace.open(fixture)) {
            backup = workspace.backups().backUpNow().file();
            Stores.addNotes(workspace, "apres", 50);
            workspace.trash().delete(EntryKind.NOTE, workspace.notes().forSite(Stores.SITE).get(0).id());
        }
        Map<String, List<String>> before = contentOf(fixture);
        Path reference = base.resolve("reference");
        Stores.copyFolder(fixture, reference);
        Work duration = calibrate(List.of("restore", reference.toString(), backup.toString()));
        Map<String, List<String>> after = contentOf(reference);
        assertThat(after).isNotEqualTo(before);
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = base.resolve("restore-" + round);
            Stores.copyFolder(fixture, folder);
            if (killAtRandom(List.of("restore", folder.toString(), backup.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, List.of(before, after));
            AtomicFiles.deleteQuietly(folder);
        }
        report("restore", inside);
    }

    @Test
    void aKillDuringAFirstStartLeavesANewFolderOrAWholeStore() throws Exception {
        Work duration = calibrate(List.of("open", base.resolve("calibration").toString()));
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = base.resolve("first-" + round);
            if (killAtRandom(List.of("open", folder.toString()), duration).killedInside()) {
                inside++;
            }
            try (Workspace workspace = Workspace.open(folder)) {
                assertThat(workspace.catalog().sites()).hasSize(15);
                assertThat(workspace.catalog().themes()).hasSize(10);
                assertIndexMatches(workspace);
            }
            AtomicFiles.deleteQuietly(folder);
        }
        report("first start", inside);
    }

    @Test
    void aKillDuringAnUpgradeMigrationLeavesTheOldStoreOrTheMigratedOne() throws Exception {
        Path fixture = olderStoreWithAttachments();
        Path reference = base.resolve("reference");
        Stores.copyFolder(fixture, reference);
        Work duration = calibrate(List.of("open", reference.toString()));
        Map<String, List<String>> migrated = contentOf(reference);
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = base.resolve("migrate-" + round);
            Stores.copyFolder(fixture, folder);
            if (killAtRandom(List.of("open", folder.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, List.of(migrated));
            assertThat(Backups.list(folder)).as("one backup before the migration, not one per start")
                    .filteredOn(backup -> backup.reason().equals("before-migration")).hasSizeLessThanOrEqualTo(1);
            AtomicFiles.deleteQuietly(folder);
        }
        report("upgrade migration", inside);
    }

    @Test
    void aKillDuringAnImportLeavesTheStoreBeforeOrAfter() throws Exception {
        Path fixture = storeWithAttachments("fixture");
        Path sender = storeWithAttachments("sender");
        Path pkg;
        try (Workspace workspace = Workspace.open(sender)) {
            Stores.addNotes(workspace, "envoyee", 1500);
            pkg = workspace.exchange().export(base.resolve("package.rihla"), ExchangeService.ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
        Map<String, List<String>> before = contentOf(fixture);
        Path reference = base.resolve("reference");
        Stores.copyFolder(fixture, reference);
        Work duration = calibrate(List.of("import", reference.toString(), pkg.toString()));
        Map<String, List<String>> after = contentOf(reference);
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path folder = base.resolve("import-" + round);
            Stores.copyFolder(fixture, folder);
            if (killAtRandom(List.of("import", folder.toString(), pkg.toString()), duration).killedInside()) {
                inside++;
            }
            assertOpensWithOneOf(folder, List.of(before, after));
            AtomicFiles.deleteQuietly(folder);
        }
        report("import", inside);
    }

    @Test
    void aKillWhileWritingBriefsLeavesOnlyWholePdfs() throws Exception {
        Path folder = storeWithAttachments("fixture");
        Map<String, List<String>> content = contentOf(folder);
        Path out = base.resolve("briefs");
        Work duration = calibrate(List.of("briefs", folder.toString(), out.toString()));
        int inside = 0;
        for (int round = 0; round < ROUNDS; round++) {
            if (killAtRandom(List.of("briefs", folder.toString(), out.toString()), duration).killedInside()) {
                inside++;
            }
            try (var files = Files.list(out)) {
                for (Path pdf : files.filter(file -> !AtomicFiles.isTemporary(file)).toList()) {
                    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
                        assertThat(document.getNumberOfPages()).as(pdf.toString()).isEqualTo(1);
                    }
                }
            }
            assertOpensWithOneOf(folder, List.of(content));
        }
        report("briefs", inside);
    }

    // The checks made after every kill.

    /**
     * Opens the folder as the next start would: one of the contents ({@code allowed}; any content when null),
     * every attachment's blob whole, good backups good with every blob they need, the index true.
     */
    private void assertOpensWithOneOf(Path folder, List<Map<String, List<String>>> allowed) throws IOException {
        BlobStore blobs = new BlobStore(folder);
        try (Workspace workspace = Workspace.open(folder)) {
            if (allowed != null) {
                assertThat(TableDump.content(workspace.database())).isIn(allowed);
            }
            assertIndexMatches(workspace);
            List<String> needed = workspace.database().read(tx -> tx.list(
                    "SELECT sha256 FROM attachment WHERE purged_at IS NULL", row -> row.getString(1)));
            assertThat(needed).as("the blob of every attachment reads back whole").allMatch(blobs::verify);
        }
        for (Backups.Backup backup : Backups.list(folder)) {
            assertThat(backup.state()).as("%s", backup.file()).isNotEqualTo(Backups.State.DAMAGED);
            if (backup.state() == Backups.State.GOOD) {
                Backups.Manifest checked = Backups.verify(backup.file(), base, Instant.now(), "check");
                assertThat(checked.counts()).as("%s", backup.file()).isEqualTo(backup.manifest().counts());
                assertThat(checked.blobs()).as("the blobs %s needs", backup.file()).allMatch(blobs::verify);
            }
        }
        try (var files = Files.list(folder.resolve(Backups.FOLDER))) {
            assertThat(files.filter(AtomicFiles::isTemporary)).as("temporary files left after a start").isEmpty();
        } catch (java.nio.file.NoSuchFileException noBackups) {
            // nothing to look at
        }
    }

    /** What the index holds is what the store says it should: the same documents, the same texts. */
    static void assertIndexMatches(Workspace workspace) throws IOException {
        workspace.search().awaitReady();
        Map<String, String> expected = new HashMap<>();
        workspace.database().read(tx -> {
            new SearchSource().all(tx, document -> expected.put(document.id().toString(),
                    document.title() + "\u0000" + document.text()));
            return null;
        });
        Map<String, String> indexed = new HashMap<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(workspace.folder().resolve(SearchIndex.FOLDER)))) {
            StoredFields fields = reader.storedFields();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    var stored = fields.document(doc);
                    indexed.put(stored.get("id"), stored.get("title") + "\u0000" + stored.get("text"));
                }
            }
        }
        assertThat(indexed).isEqualTo(expected);
    }

    private static Map<String, List<String>> contentOf(Path folder) {
        try (Workspace workspace = Workspace.open(folder)) {
            return TableDump.content(workspace.database());
        }
    }

    // Children and kills.

    /**
     * How long the work takes (ms, begin to end): first as one run to its end took, then the shortest a killed
     * round was seen to take, so that kills keep landing inside the work when the first run was slow.
     */
    private static final class Work {
        private long millis;

        Work(long millis) {
            this.millis = Math.max(millis, 20);
        }

        void seen(long took) {
            millis = Math.max(20, Math.min(millis, took));
        }
    }

    /** Runs the work once to its end and times it. */
    private Work calibrate(List<String> args) throws Exception {
        Process child = Processes.javaProcess(FaultChild.class, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Lines lines = Lines.of(child);
        assertThat(lines.begun.await(120, TimeUnit.SECONDS)).as("begin").isTrue();
        assertThat(lines.ended.await(300, TimeUnit.SECONDS)).as("end").isTrue();
        child.destroyForcibly().waitFor();
        return new Work(lines.tookMillis());
    }

    /** Starts the child, waits for it to begin, and kills it (SIGKILL) at a random moment within the work. */
    private Round killAtRandom(List<String> args, Work work) throws Exception {
        Process child = Processes.javaProcess(FaultChild.class, args).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Lines lines = Lines.of(child);
        assertThat(lines.begun.await(120, TimeUnit.SECONDS)).as("begin").isTrue();
        Thread.sleep(RANDOM.nextLong(work.millis));
        boolean ended = lines.ended.getCount() == 0;
        if (ended) {
            work.seen(lines.tookMillis());
        }
        child.destroyForcibly();  // SIGKILL on Linux and macOS
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Round(!ended);
    }

    private static void report(String work, int inside) {
        System.out.printf("fault suite: %s, %d rounds, %d killed inside the work, every store right after the kill%n",
                work, ROUNDS, inside);
        assertThat(inside).as("kills that landed inside the " + work).isGreaterThanOrEqualTo(ROUNDS / 2);
    }

    /** The child's begin and end lines. */
    private static final class Lines {
        final CountDownLatch begun = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        private volatile long begunAt;
        private volatile long endedAt;

        /** From the begin line to the end line, in ms. */
        long tookMillis() {
            return (endedAt - begunAt) / 1_000_000;
        }

        static Lines of(Process child) {
            Lines lines = new Lines();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals(FaultChild.BEGIN) && lines.begun.getCount() == 1) {
                            lines.begunAt = System.nanoTime();
                            lines.begun.countDown();
                        } else if (line.equals(FaultChild.END) && lines.begun.getCount() == 0
                                && lines.ended.getCount() == 1) {
                            lines.endedAt = System.nanoTime();
                            lines.ended.countDown();
                        }
                    }
                } catch (IOException killed) {
                    // the output ends with the child
                }
            });
            reader.setDaemon(true);
            reader.start();
            return lines;
        }
    }

    // Fixtures.

    /** A store with 200 notes and three photos of 4 MB each (that do not compress), closed. */
    private Path storeWithAttachments(String name) throws IOException {
        Path folder = base.resolve(name);
        try (Workspace workspace = Workspace.open(folder)) {
            Stores.addNotes(workspace, name, 200);
            for (int i = 0; i < 3; i++) {
                Path photo = base.resolve(name + "-photo-" + i + ".jpg");
                byte[] bytes = new byte[4 << 20];
                new Random(i).nextBytes(bytes);
                Files.write(photo, bytes);
                workspace.attachments().attach(Stores.SITE, null, null, photo, "photo " + i);
            }
        }
        return folder;
    }

    /**
     * A store written by an older version (schema 2): the built-in data, 300 notes and 30 MB of attachments,
     * as Rihla 0.1 left it (no marker, no index).
     */
    private Path olderStoreWithAttachments() throws Exception {
        Path folder = base.resolve("older");
        String url = Stores.olderStore(folder, "2");
        try (var connection = java.sql.DriverManager.getConnection(url, "rihla", "");
             var note = connection.prepareStatement("INSERT INTO note (id, site_id, body, created_at, updated_at,"
                     + " updated_by) VALUES (?, ?, ?, ?, ?, 'v0.1')");
             var attachment = connection.prepareStatement("INSERT INTO attachment (id, site_id, owner_kind, owner_id,"
                     + " file_name, media_type, size_bytes, sha256, content, created_at, updated_at, updated_by)"
                     + " VALUES (?, ?, 'site', ?, ?, 'image/jpeg', ?, ?, ?, ?, ?, 'v0.1')")) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC);
            for (int i = 0; i < 300; i++) {
                note.setObject(1, UUID.randomUUID());
                note.setObject(2, Stores.SITE);
                note.setString(3, "older note " + i);
                note.setObject(4, now);
                note.setObject(5, now);
                note.executeUpdate();
            }
            for (int i = 0; i < 6; i++) {
                byte[] bytes = new byte[5 << 20];
                new Random(i).nextBytes(bytes);
                attachment.setObject(1, UUID.randomUUID());
                attachment.setObject(2, Stores.SITE);
                attachment.setObject(3, Stores.SITE);
                attachment.setString(4, "scan-" + i + ".jpg");
                attachment.setLong(5, bytes.length);
                attachment.setString(6, Sha256.of(bytes));
                attachment.setBytes(7, bytes);
                attachment.setObject(8, now);
                attachment.setObject(9, now);
                attachment.executeUpdate();
            }
        }
        assertThat(Set.of(Files.list(folder).map(p -> p.getFileName().toString()).toArray()))
                .contains(Database.DB_FILE);
        return folder;
    }
}
