package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;

/** A rebuild of the search index (after an import, a restore) never leaves searches without answers. */
class SearchIndexRebuildTest {
    private static final int NOTES = 4_000;

    @TempDir
    Path folder;

    @Test
    void searchesWhileTheIndexIsRebuiltAnswerFromTheLastGoodIndexAndFindEverything() throws Exception {
        Workspace.open(folder).close();  // migrated and seeded
        try (Database database = Database.open(folder)) {
            Stamp stamp = new Stamp(Instant.now(), "test");
            database.write(tx -> {
                NoteRepository notes = new NoteRepository();
                for (int i = 0; i < NOTES; i++) {
                    notes.save(tx, new Note(UUID.randomUUID(), Seeder.siteId("easy-brussels"), null, LocalDate.of(2022, 9, 26),
                            "Guichet unique numéro " + i + " : الشباك الوحيد للإدارة", null), stamp);
                }
                return null;
            });
            try (SearchIndex index = SearchIndex.open(database)) {
                assertThat(index.rebuild()).isGreaterThanOrEqualTo(NOTES);
                SearchIndex.Query guichet = new SearchIndex.Query(List.of(Set.of("guichet"), Set.of("الشباك", "شباك")),
                        false, Set.of(), Set.of(), null);
                CompletableFuture<Void> rebuilding = CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 3; round++) {
                        index.rebuild();
                    }
                });
                List<Integer> seen = new ArrayList<>();
                while (!rebuilding.isDone()) {
                    seen.add(index.search(guichet, 10).total());
                }
                rebuilding.join();
                seen.add(index.search(guichet, 10).total());
                assertThat(seen).as("searched during the rebuilds").hasSizeGreaterThan(3).containsOnly(NOTES);
            }
        }
    }
}
