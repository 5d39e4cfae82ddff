package ma.etamkeen.rihla.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;

/**
 * The child of the crash test: writes notes through the real store, as fast as it can, and prints
 * {@code saved <id> <hash> <length> ok} once each save has returned. It is killed (SIGKILL) at a random moment.
 */
public final class CrashWriter {
    public static final String READY = "ready";

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Random random = new Random(seed);
        UUID site = Seeder.siteId("nido");
        try (Workspace workspace = Workspace.open(folder)) {
            System.out.println(READY);
            System.out.flush();
            for (int i = 0; ; i++) {
                String body = text(random, seed, i);
                Note note = workspace.notes().save(new Note(UUID.randomUUID(), site, null, LocalDate.now(), body, null));
                System.out.println("saved " + note.id() + " " + body.hashCode() + " " + body.length() + " ok");
                System.out.flush();
            }
        }
    }

    /** A note of a realistic, varying length, that names its round and its number. */
    static String text(Random random, long seed, int i) {
        return "round-" + seed + " entry-" + i + ": " + SampleText.mixed(random, 20 + random.nextInt(300));
    }
}
