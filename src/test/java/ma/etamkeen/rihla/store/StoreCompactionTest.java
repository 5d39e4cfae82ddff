package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;

/** A store whose file grew (large transactions) is compacted when closed, and holds exactly what it held. */
class StoreCompactionTest {
    @TempDir
    Path folder;

    @Test
    void aGrownFileIsCompactedToTheSameStoreAndOnlyWhenItGrewAgain() throws Exception {
        Workspace.open(folder).close();
        try (Database database = Database.open(folder)) {
            for (int batch = 0; batch < 4; batch++) {  // an import's worth of notes, a few large transactions
                database.write(tx -> {
                    NoteRepository notes = new NoteRepository();
                    for (int i = 0; i < 1_000; i++) {
                        notes.save(tx, new Note(UUID.randomUUID(), Seeder.siteId("becode"), null, LocalDate.of(2022, 9, 28),
                                "Apprendre à coder en six mois, sans diplôme : تعلم البرمجة في ستة أشهر " + i, null),
                                new Stamp(Instant.now(), "test"));
                    }
                    return null;
                });
            }
        }
        java.util.Map<String, java.util.List<String>> before;
        ContentRevision.Stamp stamp;
        try (Database database = Database.open(folder)) {
            before = TableDump.of(database);
            stamp = database.read(ContentRevision::stamp);
        }
        long grown = Files.size(folder.resolve(Database.DB_FILE));

        assertThat(StoreCompaction.compactIfGrown(folder, new ContentRevision.Stamp(stamp.database(), stamp.revision() + 1), 0))
                .as("a copy that is not the same store is never swapped in").isFalse();
        assertThat(Files.size(folder.resolve(Database.DB_FILE))).isEqualTo(grown);

        assertThat(StoreCompaction.compactIfGrown(folder, stamp, 0)).isTrue();
        long compacted = Files.size(folder.resolve(Database.DB_FILE));
        assertThat(compacted).isLessThan(grown);
        assertThat(StoreCompaction.compactIfGrown(folder, stamp, 0)).as("not grown since").isFalse();
        assertThat(folder).isDirectoryNotContaining(path -> path.getFileName().toString().startsWith(StoreJournal.WORK_PREFIX));
        try (Database database = Database.open(folder)) {
            assertThat(TableDump.of(database)).isEqualTo(before);
        }
        System.out.printf("compaction: %,d bytes to %,d%n", grown, compacted);
    }
}
