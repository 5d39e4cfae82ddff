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
import java.util.UUID;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
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

    /** The SHA-256 of a file, to show it was not changed. */
    public static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
