package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CrashWriter;
import ma.etamkeen.rihla.testing.Processes;

/**
 * A child JVM writes notes continuously through the real store and is killed with SIGKILL at random
 * moments, {@code rihla.crash.rounds} times (30 in {@code mvn verify}, to keep the suite within its time; more
 * for a longer soak). After every kill the database must open and hold every note the child reported as saved.
 */
class CrashDurabilityIT {
    static final int ROUNDS = Integer.getInteger("rihla.crash.rounds", 30);

    @TempDir
    Path folder;

    @Test
    void everySavedNoteSurvivesAKillAtARandomMoment() throws Exception {
        Random random = new Random(20221005);
        Map<UUID, String> saved = new HashMap<>();
        int roundsWithWrites = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Map<UUID, String> reported = runAndKill(round, random.nextInt(40, 700));
            if (!reported.isEmpty()) {
                roundsWithWrites++;
            }
            saved.putAll(reported);
            try (Workspace workspace = Workspace.open(folder)) {
                Map<UUID, String> stored = new HashMap<>();
                for (Note note : workspace.notes().forSite(Seeder.siteId("nido"))) {
                    stored.put(note.id(), note.body().hashCode() + " " + note.body().length());
                }
                for (Map.Entry<UUID, String> note : saved.entrySet()) {
                    assertThat(stored.get(note.getKey())).as("round %d, note %s", round, note.getKey())
                            .isEqualTo(note.getValue());
                }
            }
        }
        System.out.printf("crash test: %d rounds (%d killed while writing), %d saved notes checked after each%n",
                ROUNDS, roundsWithWrites, saved.size());
        assertThat(roundsWithWrites).isGreaterThan(ROUNDS / 2);
        assertThat(saved.size()).isGreaterThan(ROUNDS);
    }

    /** Starts the writer, lets it write for {@code millis} after it is ready, kills it; returns what it reported. */
    private Map<UUID, String> runAndKill(int round, int millis) throws Exception {
        Process child = Processes.javaProcess(CrashWriter.class, List.of(folder.toString(), String.valueOf(round)))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<UUID, String> reported = new HashMap<>();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals(CrashWriter.READY)) {
                        ready.countDown();
                    } else {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // The child was killed: its output ends here.
            }
        });
        reader.start();
        assertThat(ready.await(60, TimeUnit.SECONDS)).as("writer ready in round " + round).isTrue();
        Thread.sleep(millis);
        child.destroyForcibly();  // SIGKILL on Linux and macOS
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        synchronized (lines) {
            for (String line : lines) {
                String[] parts = line.split(" ");
                // A line cut by the kill (no final "ok") is not a report.
                if (parts.length == 5 && parts[0].equals("saved") && parts[4].equals("ok")) {
                    reported.put(UUID.fromString(parts[1]), parts[2] + " " + parts[3]);
                }
            }
        }
        return reported;
    }
}
