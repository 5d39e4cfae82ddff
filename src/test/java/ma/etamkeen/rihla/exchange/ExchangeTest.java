package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRecords;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.TableDump;
import ma.etamkeen.rihla.testing.DemoData;

/** Exchanging packages between real stores: merge rules, conflicts, idempotence, exact round trips. */
class ExchangeTest {
    private static final UUID EASY = Seeder.siteId("easy-brussels");

    @TempDir
    Path folder;
    private final java.util.List<Workspace> open = new java.util.ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(Workspace::close);
    }

    private Workspace store(String name) {
        Workspace workspace = Workspace.open(folder.resolve(name));
        open.add(workspace);
        return workspace;
    }

    private Path export(Workspace from, String name) {
        return from.exchange().export(folder.resolve(name + ".rihla"), ExportScope.all(), ExchangeService.Progress.NONE).file();
    }

    /** Imports a package with the given choices (keep both otherwise); returns the preview it showed. */
    private static ImportPlan importInto(Workspace into, Path file, Map<UUID, Resolution> choices) {
        try (ExchangePackage pkg = into.exchange().read(file)) {
            ImportPlan plan = into.exchange().plan(pkg);
            into.exchange().apply(pkg, plan, choices, ExchangeService.Progress.NONE, () -> false);
            return plan;
        }
    }

    private static ImportPlan preview(Workspace into, Path file) {
        try (ExchangePackage pkg = into.exchange().read(file)) {
            return into.exchange().plan(pkg);
        }
    }

    @Test
    void aPackageRoundTripsExactlyThroughAnotherStoreAttachmentsByteForByte() throws Exception {
        DemoData.fill(folder.resolve("a"));
        Workspace a = store("a");
        Note gone = a.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.of(2022, 9, 28), "À supprimer", null));
        a.trash().delete(EntryKind.NOTE, gone.id());  // a tombstone travels too
        Workspace b = store("b");
        ImportPlan first = importInto(b, export(a, "a"), Map.of());
        assertThat(first.byKind().get(RecordKind.NOTE).added()).isEqualTo(4);
        assertThat(first.byKind().get(RecordKind.ATTACHMENT).added()).isEqualTo(2);
        assertThat(first.total().conflicts()).isZero();

        Workspace c = store("c");
        importInto(c, export(b, "b"), Map.of());
        assertThat(ExchangeRecords.of(c.database())).isEqualTo(ExchangeRecords.of(a.database()));
        assertThat(c.notes().forSite(EASY)).extracting(Note::body).doesNotContain("À supprimer");
        assertThat(c.search().search("barometre", Set.of(), Set.of(), ma.etamkeen.rihla.i18n.Language.FR, 10).total())
                .isEqualTo(1);  // the index follows an import
    }

    @Test
    void importingTheSamePackageTwiceChangesNothingTheSecondTime() {
        Workspace a = store("a");
        a.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.of(2022, 9, 27), "Une note", null));
        Workspace b = store("b");
        Path file = export(a, "a");
        importInto(b, file, Map.of());
        var before = TableDump.of(b.database());
        ImportPlan again = importInto(b, file, Map.of());
        assertThat(again.total().changesAnything()).isFalse();
        assertThat(TableDump.of(b.database())).isEqualTo(before);
    }

    @Test
    void aChangeOnOneSideIsTakenAndAChangeOnBothIsAConflictSettledAsChosen() {
        Workspace a = store("a");
        Workspace b = store("b");
        Note shared = a.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.of(2022, 9, 27), "Version 1", null));
        Lesson lesson = a.lessons().save(new Lesson(UUID.randomUUID(), EASY, null, "Titre 1", null, null, Set.of(), null));
        importInto(b, export(a, "a1"), Map.of());

        // Changed only in A: B takes it. Changed in both: a conflict.
        a.lessons().save(new Lesson(lesson.id(), EASY, null, "Titre 2", null, null, Set.of("simplification"), null));
        a.notes().save(shared.withBody("Version A"));
        b.notes().save(shared.withBody("Version B"));
        Path second = export(a, "a2");
        ImportPlan plan = preview(b, second);
        assertThat(plan.byKind().get(RecordKind.LESSON).updated()).isEqualTo(1);
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.mine().text("body")).isEqualTo("Version B");
            assertThat(conflict.theirs().text("body")).isEqualTo("Version A");
        });

        importInto(b, second, Map.of(shared.id(), Resolution.MINE));
        assertThat(b.lessons().forSite(EASY)).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo("Titre 2");
            assertThat(l.themes()).containsExactly("simplification");
        });
        assertThat(b.notes().forSite(EASY)).extracting(Note::body).containsExactly("Version B");
        // Settled once: the same package brings no conflict again; and A, importing B's, takes B's version.
        assertThat(preview(b, second).conflicts()).isEmpty();
        ImportPlan back = importInto(a, export(b, "b1"), Map.of());
        assertThat(back.conflicts()).isEmpty();
        assertThat(a.notes().forSite(EASY)).extracting(Note::body).containsExactly("Version B");
        assertThat(ExchangeRecords.of(a.database())).isEqualTo(ExchangeRecords.of(b.database()));
    }

    @Test
    void keepingBothAddsTheirVersionBesideMine() {
        Workspace a = store("a");
        Workspace b = store("b");
        Note shared = a.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.of(2022, 9, 27), "Version 1", null));
        importInto(b, export(a, "a1"), Map.of());
        a.notes().save(shared.withBody("Version A"));
        b.notes().save(shared.withBody("Version B"));
        importInto(b, export(a, "a2"), Map.of(shared.id(), Resolution.BOTH));
        assertThat(b.notes().forSite(EASY)).extracting(Note::body).containsExactlyInAnyOrder("Version A", "Version B");
    }

    @Test
    void aDeletionAppliesOnlyToWhatWasNotChangedHereSince() {
        Workspace a = store("a");
        Workspace b = store("b");
        Note untouched = a.notes().save(new Note(UUID.randomUUID(), EASY, null, null, "Sans changement", null));
        Note edited = a.notes().save(new Note(UUID.randomUUID(), EASY, null, null, "Sera modifiée", null));
        importInto(b, export(a, "a1"), Map.of());
        a.trash().delete(EntryKind.NOTE, untouched.id());
        a.trash().delete(EntryKind.NOTE, edited.id());
        b.notes().save(edited.withBody("Modifiée ici"));
        ImportPlan plan = preview(b, export(a, "a2"));
        assertThat(plan.total().deletions()).isEqualTo(1);
        assertThat(plan.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.id()).isEqualTo(edited.id());
            assertThat(conflict.isDeletion()).isTrue();
        });
        importInto(b, folder.resolve("a2.rihla"), Map.of());  // keep both = keep mine for a deletion
        assertThat(b.notes().forSite(EASY)).extracting(Note::body).containsExactly("Modifiée ici");
    }
}
