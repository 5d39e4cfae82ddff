package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * Many simulated laptops against one PostgreSQL hub, for the sync benchmark: each one its own connection, pushing
 * change sets of new notes and pulling everyone's, all at once; no store of their own (what is measured is the
 * hub; the change sets read are not checked against a store). Lives beside {@link PostgresHub} to drive it as a
 * laptop's sync does.
 */
public final class HubLoad {
    /**
     * What the load did: wall time until every push was done and until every laptop had read every change (ms),
     * pushes, records pushed, records read back by all the laptops together, and the hub's last change number.
     */
    public record Result(long pushMillis, long millis, long pushes, long records, long read, long maxChange) {
    }

    private HubLoad() {
    }

    /**
     * Runs {@code laptops} simulated laptops, each pushing {@code pushes} change sets of {@code perPush} new notes
     * (a note of {@code template}'s store as the model), reading the hub after each when {@code readEach}, on
     * {@code threads} threads; then each reads until it has seen the last change.
     */
    public static Result run(HubAddress hub, Path template, int laptops, int pushes, int perPush, int threads,
                             boolean readEach) throws Exception {
        Record model;
        try (Workspace workspace = Workspace.open(template)) {
            workspace.notes().save(new ma.etamkeen.rihla.model.Note(UUID.randomUUID(),
                    ma.etamkeen.rihla.store.Seeder.siteId("asa"), null, java.time.LocalDate.of(2022, 9, 28), "modèle", null));
            model = workspace.database().read(tx -> new ExchangeRepository().all(tx, RecordKind.NOTE)).get(0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong pushed = new AtomicLong();
        AtomicLong records = new AtomicLong();
        AtomicLong read = new AtomicLong();
        long start = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (int laptop = 0; laptop < laptops; laptop++) {
            int number = laptop;
            done.add(pool.submit(() -> {
                try (PostgresHub connection = new PostgresHub(hub, java.util.function.UnaryOperator.identity())) {
                    Map<String, Long> cursors = new HashMap<>();
                    for (int push = 0; push < pushes; push++) {
                        List<Hub.Outgoing> out = new ArrayList<>();
                        for (int i = 0; i < perPush; i++) {
                            Record note = model.with(UUID.randomUUID(), "body", "laptop " + number + " note " + push + "." + i
                                    + " : le guichet unique, نقطة الاتصال الوحيدة");
                            out.add(new Hub.Outgoing(note, new LinkedHashSet<>(Set.of(note.hash()))));
                        }
                        Hub.Pushed result = connection.push(changes(out, "laptop " + number));
                        pushed.incrementAndGet();
                        records.addAndGet(result.taken().size());
                        if (readEach) {
                            read(connection, cursors, read);
                        }
                    }
                    return cursors.getOrDefault(PostgresHub.CHANGES, 0L);
                }
            }));
        }
        for (Future<Long> each : done) {
            each.get();
        }
        long pushMillis = (System.nanoTime() - start) / 1_000_000;
        // Converged: every laptop reads up to the last change.
        long last;
        try (PostgresHub connection = new PostgresHub(hub, java.util.function.UnaryOperator.identity())) {
            Map<String, Long> cursors = new HashMap<>();
            read(connection, cursors, read);
            last = cursors.get(PostgresHub.CHANGES);
        }
        List<Future<?>> caughtUp = new ArrayList<>();
        for (int laptop = 0; laptop < laptops; laptop++) {
            caughtUp.add(pool.submit(() -> {
                try (PostgresHub connection = new PostgresHub(hub, java.util.function.UnaryOperator.identity())) {
                    Map<String, Long> cursors = new HashMap<>();
                    read(connection, cursors, read);
                    if (cursors.get(PostgresHub.CHANGES) < last) {
                        throw new IllegalStateException("a laptop did not catch up");
                    }
                }
                return null;
            }));
        }
        for (Future<?> each : caughtUp) {
            each.get();
        }
        pool.shutdown();
        return new Result(pushMillis, (System.nanoTime() - start) / 1_000_000, pushed.get(), records.get(), read.get(),
                last);
    }

    /** Reads every change set not read yet, as a laptop's sync does (the records decoded, bytes not fetched). */
    private static void read(PostgresHub connection, Map<String, Long> cursors, AtomicLong read) {
        for (Hub.Batch batch : connection.unread(cursors)) {
            try (ExchangePackage changes = batch.open().get()) {
                if (changes.size() == 0) {
                    throw new IllegalStateException("an empty change set");
                }
                read.addAndGet(changes.size());
            }
            cursors.put(batch.source(), batch.position());
        }
    }

    private static Hub.ChangeSet changes(List<Hub.Outgoing> out, String by) {
        return new Hub.ChangeSet(by, out, attachment -> null, file -> {
            throw new UnsupportedOperationException("a server hub");
        });
    }
}
