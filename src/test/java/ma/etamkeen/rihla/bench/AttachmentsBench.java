package ma.etamkeen.rihla.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.Sha256;

/**
 * {@code -Dbench=attachments}: a store with {@code photos} photos of {@code megabytes} MB each (random bytes,
 * which do not compress, like JPEG), then one automatic backup after a one-word edit of a note — its time and
 * the disk space it adds — against zipping the live data once (what a backup that holds the photos writes,
 * in the same run); the data folder after 20 such backups against the live data (database + blobs); and a
 * restore of the newest, with every photo compared byte for byte.
 */
final class AttachmentsBench {
    private AttachmentsBench() {
    }

    static void run(int photos, int megabytes) throws IOException {
        Path folder = Files.createTempDirectory("rihla-bench-attachments");
        Path source = Files.createTempDirectory("rihla-bench-photos");
        Random random = new Random(18);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < photos; i++) {
            byte[] bytes = new byte[megabytes << 20];
            random.nextBytes(bytes);
            Files.write(source.resolve("photo-" + i + ".jpg"), bytes);
            expected.add(Sha256.of(bytes));
        }
        UUID site = Seeder.siteId("asa");
        Note note = new Note(UUID.randomUUID(), site, null, LocalDate.of(2022, 9, 28), "Le guichet unique", null);
        System.out.printf(Locale.ROOT, "Attachments: %d photos of %d MB%n", photos, megabytes);
        double oneBackup;
        long added;
        double fullCopy;
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.notes().save(note);
            long start = System.nanoTime();
            for (int i = 0; i < photos; i++) {
                workspace.attachments().attach(site, null, null, source.resolve("photo-" + i + ".jpg"), null);
            }
            System.out.printf(Locale.ROOT, "  attaching them          %7.0f ms%n", (System.nanoTime() - start) / 1e6);
            workspace.backups().backUpIfChanged();  // the one taken at start

            workspace.notes().save(note.withBody("Le guichet unique numérique"));
            long before = size(folder);
            start = System.nanoTime();
            workspace.backups().backUpIfChanged();
            oneBackup = (System.nanoTime() - start) / 1e6;
            added = size(folder) - before;
            fullCopy = timeZipOfLiveData(folder);
            for (int i = 1; i < BackupService.KEEP; i++) {
                workspace.notes().save(note.withBody("Le guichet unique " + i));
                workspace.backups().backUpIfChanged();
            }
        }
        long database = Files.size(folder.resolve(Database.DB_FILE));
        long blobs = size(folder.resolve("blobs"));
        long live = database + blobs;
        long total = size(folder);
        System.out.printf(Locale.ROOT, "  database %.1f MB, blobs %.1f MB (live data %.1f MB)%n", mb(database), mb(blobs),
                mb(live));
        System.out.printf(Locale.ROOT, "  one automatic backup after a one-word edit  %6.0f ms, %.2f MB on the disk"
                + " (%.2f x the database)%n", oneBackup, mb(added), (double) added / database);
        System.out.printf(Locale.ROOT, "  zipping the live data once (baseline)       %6.0f ms, %.2f MB   backup / zip: %.3f x time,"
                + " %.4f x space%n", fullCopy, mb(live), oneBackup / fullCopy, (double) added / live);
        System.out.printf(Locale.ROOT, "  data folder after %d automatic backups       %.1f MB = %.2f x the live data%n",
                BackupService.KEEP, mb(total), (double) total / live);

        Path newest = BackupService.list(folder).get(0).file();
        long start = System.nanoTime();
        BackupService.restore(folder, newest);
        double restore = (System.nanoTime() - start) / 1e6;
        int same = 0;
        try (Workspace workspace = Workspace.open(folder)) {
            for (Attachment attachment : workspace.attachments().forSite(site)) {
                if (expected.contains(Sha256.of(Files.readAllBytes(workspace.attachments().copyForViewing(attachment))))) {
                    same++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "  restore of the newest backup %6.0f ms: %d of %d photos byte for byte%n", restore,
                same, photos);
        delete(folder);
        delete(source);
    }

    /**
     * Zips the database and every blob once into a new file and syncs it: what a backup that holds the photos
     * writes (H2's {@code BACKUP TO} zips the database file the same way).
     */
    private static double timeZipOfLiveData(Path folder) throws IOException {
        Path zip = Files.createTempFile("rihla-bench-copy", ".zip");
        long start = System.nanoTime();
        try (Stream<Path> files = Stream.concat(Stream.of(folder.resolve(Database.DB_FILE)),
                Files.walk(folder.resolve("blobs")).filter(Files::isRegularFile));
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path file : files.toList()) {
                out.putNextEntry(new java.util.zip.ZipEntry(file.getFileName().toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        try (var channel = java.nio.channels.FileChannel.open(zip, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        double millis = (System.nanoTime() - start) / 1e6;
        Files.delete(zip);
        return millis;
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }
}
