package ma.etamkeen.rihla.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.testing.PostgresServer;
import ma.etamkeen.rihla.testing.Stores;

/**
 * A model of a delegation syncing: {@value #LAPTOPS} laptops write, edit and delete notes at random and sync at
 * random moments through one hub (a real folder, a real PostgreSQL server), settling conflicts at random — now,
 * later, or when the next sync asks. Then everyone syncs twice with no new edits. Every store must then hold the
 * same records, field by field, with no conflict waiting; and no accepted edit may be lost: each text ever
 * written is still there, or was replaced by an edit made on top of it, or lost a conflict the user settled
 * against it. The seed is printed; {@code -Drihla.sync.seed} replays one, {@code -Drihla.sync.steps} runs longer.
 */
class SyncModelTest {
    private static final int LAPTOPS = 5;
    private static final int STEPS = Integer.getInteger("rihla.sync.steps", 160);

    enum HubKind { FOLDER, POSTGRESQL }

    @TempDir
    Path folder;

    private final Map<String, String> parentOf = new HashMap<>();  // a text written to the text it replaced
    private final Set<String> written = new HashSet<>();
    private final Set<String> discarded = new HashSet<>();  // the losing side of a settled conflict
    private final Set<UUID> created = new HashSet<>();
    private Random random;

    @ParameterizedTest
    @EnumSource(HubKind.class)
    void everyLaptopEndsWithTheSameNotesAndNoAcceptedEditIsLost(HubKind kind) throws Exception {
        long seed = Long.getLong("rihla.sync.seed", System.nanoTime());
        System.out.println("SyncModelTest " + kind + " seed " + seed);
        random = new Random(seed);
        HubAddress hub;
        if (kind == HubKind.FOLDER) {
            hub = HubAddress.folder(Files.createDirectories(folder.resolve("usb-stick")));
        } else {
            hub = PostgresServer.shared().newDatabase("model");
        }
        List<Workspace> laptops = new ArrayList<>();
        try {
            for (int i = 0; i < LAPTOPS; i++) {
                Workspace laptop = Workspace.open(folder.resolve("laptop-" + i));
                Delegate me = laptop.people().save(new Delegate(UUID.randomUUID(), "Délégué·e " + i, null));
                laptop.identity().setMe(me.id());
                laptops.add(laptop);
            }
            if (kind == HubKind.POSTGRESQL) {
                laptops.get(0).sync().prepare(hub);
            }
            int counter = 0;
            for (int step = 0; step < STEPS; step++) {
                Workspace laptop = laptops.get(random.nextInt(LAPTOPS));
                int dice = random.nextInt(100);
                List<Note> notes = laptop.notes().forSite(Stores.SITE);
                if (dice < 30 || notes.isEmpty()) {
                    String text = "note " + (++counter) + " written on laptop " + laptops.indexOf(laptop);
                    Note note = laptop.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 28),
                            text, null));
                    created.add(note.id());
                    written.add(text);
                } else if (dice < 55) {
                    Note note = notes.get(random.nextInt(notes.size()));
                    String text = "edit " + (++counter) + " on laptop " + laptops.indexOf(laptop);
                    parentOf.put(text, note.body());
                    written.add(text);
                    laptop.notes().save(note.withBody(text));
                } else if (dice < 63) {
                    laptop.trash().delete(EntryKind.NOTE, notes.get(random.nextInt(notes.size())).id());
                } else if (dice < 90) {
                    laptop.sync().sync(hub, random.nextBoolean() ? this::settleAtRandom : null);
                } else {
                    for (ImportPlan.Conflict conflict : laptop.sync().conflicts()) {
                        if (random.nextBoolean()) {
                            laptop.sync().settle(conflict.id(), settleAtRandom(conflict));
                        }
                    }
                }
            }
            for (int round = 0; round < 2; round++) {
                for (Workspace laptop : laptops) {
                    laptop.sync().sync(hub, this::settleAtRandom);
                }
            }

            Map<UUID, String> first = contents(laptops.get(0));
            for (Workspace laptop : laptops) {
                assertThat(laptop.sync().waiting()).as("conflicts waiting").isZero();
                Map<UUID, String> theirs = contents(laptop);
                List<String> differences = new ArrayList<>();
                Set<UUID> ids = new HashSet<>(first.keySet());
                ids.addAll(theirs.keySet());
                ids.stream().filter(id -> !java.util.Objects.equals(first.get(id), theirs.get(id)))
                        .forEach(id -> differences.add(id + "\n  laptop 0: " + first.get(id) + "\n  this one: " + theirs.get(id)));
                assertThat(differences).as("laptop %d against laptop 0 (seed %d)", laptops.indexOf(laptop), seed).isEmpty();
            }
            assertThat(first.keySet()).as("every note ever written, live or in the trash").containsAll(created);
            Set<String> present = bodies(laptops.get(0));
            Set<String> lost = new HashSet<>();
            for (String text : written) {
                if (!kept(text, present)) {
                    lost.add(text);
                }
            }
            assertThat(lost).as("texts lost without a decision (seed %d)", seed).isEmpty();
            assertThat(written).as("the model wrote").hasSizeGreaterThan(STEPS / 3);
        } finally {
            laptops.forEach(Workspace::close);
        }
    }

    /** A text is kept when it is still there, lost a settled conflict, or was edited on top of. */
    private boolean kept(String text, Set<String> present) {
        if (present.contains(text) || discarded.contains(text)) {
            return true;
        }
        return parentOf.entrySet().stream().anyMatch(child -> text.equals(child.getValue()) && kept(child.getKey(), present));
    }

    private Resolution settleAtRandom(ImportPlan.Conflict conflict) {
        Resolution choice = Resolution.values()[random.nextInt(3)];
        String mine = conflict.mine().text("body");
        String theirs = conflict.theirs().text("body");
        switch (choice) {
            case MINE -> discarded.add(theirs);
            case THEIRS -> {
                if (conflict.isDeletion() && conflict.theirs().isDeleted()) {
                    discarded.add(theirs);  // their deletion is taken: the entry goes to the trash as it is here
                } else {
                    discarded.add(mine);
                }
            }
            case BOTH -> {
                if (conflict.isDeletion()) {
                    discarded.add(theirs);  // keeping both keeps mine only when one side deleted it
                }
            }
        }
        return choice;
    }

    /**
     * What each record says, by id: its kind, its content hash (every field but who wrote it last and when: the
     * same deletion made on two laptops is the same content) and, readable, its headline.
     */
    private static Map<UUID, String> contents(Workspace laptop) {
        ExchangeRepository records = new ExchangeRepository();
        return laptop.database().read(tx -> {
            Map<UUID, String> contents = new HashMap<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                records.all(tx, kind).forEach(record -> contents.put(record.id(),
                        kind.code() + " " + record.hash() + " « " + record.headline() + " » deleted=" + record.isDeleted()));
            }
            return contents;
        });
    }

    private static Set<String> bodies(Workspace laptop) {
        ExchangeRepository records = new ExchangeRepository();
        return laptop.database().read(tx -> {
            Set<String> texts = new HashSet<>();
            records.all(tx, RecordKind.NOTE).forEach(note -> texts.add(note.text("body")));
            return texts;
        });
    }
}
