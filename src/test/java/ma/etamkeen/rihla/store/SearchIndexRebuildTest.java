package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.service.Workspace;

/** A rebuild of the search index (after an import, a restore) never leaves searches without answers. */
class SearchIndexRebuildTest {
    private static final int NOTES = 4_000;

    @TempDir
    Path folder;

    private static final SearchIndex.Query GUICHET = new SearchIndex.Query(
            List.of(Set.of("guichet"), Set.of("الشباك", "شباك")), false, Set.of(), Set.of(), null);

    @Test
    void searchesWhileTheIndexIsRebuiltAnswerFromTheLastGoodIndexAndFindEverything() throws Exception {
        try (Database database = storeWithNotes()) {
            try (SearchIndex index = SearchIndex.open(database)) {
                assertThat(index.rebuild(() -> false)).isGreaterThanOrEqualTo(NOTES);
                SearchIndex.Query guichet = GUICHET;
                CompletableFuture<Void> rebuilding = CompletableFuture.runAsync(() -> {
                    for (int round = 0; round < 3; round++) {
                        index.rebuild(() -> false);
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

    /** What quitting during a rebuild does (SearchService.close stops it), and what a failed rebuild leaves. */
    @Test
    void aRebuildStoppedHalfWayIsNeverCommittedAndTheLastGoodIndexStays() throws Exception {
        try (Database database = storeWithNotes()) {
            String lastGood;
            try (SearchIndex index = SearchIndex.open(database)) {
                index.rebuild(() -> false);
                lastGood = SearchIndex.lastCommit(folder).orElseThrow();
                AtomicInteger read = new AtomicInteger();
                assertThatThrownBy(() -> index.rebuild(() -> read.incrementAndGet() > NOTES / 2))
                        .isInstanceOf(CancellationException.class);
                assertThat(index.search(GUICHET, 10).total()).as("searches answer from the last good index")
                        .isEqualTo(NOTES);
                // A change reported now would commit the half-built index as the whole store.
                index.update(List.of(new SearchIndex.SearchDocumentRef(SearchKind.NOTE, UUID.randomUUID())));
                assertThat(SearchIndex.lastCommit(folder)).contains(lastGood);
            }
            assertThat(SearchIndex.lastCommit(folder)).as("nothing committed on close").contains(lastGood);
            try (SearchIndex index = SearchIndex.open(database)) {
                assertThat(index.search(GUICHET, 10).total()).isEqualTo(NOTES);
            }
        }
    }

    /** A seeded store with {@link #NOTES} notes that all match {@link #GUICHET}, open. */
    private Database storeWithNotes() {
        Workspace.open(folder).close();  // migrated and seeded
        Database database = Database.open(folder);
        Stamp stamp = new Stamp(Instant.now(), "test");
        database.write(tx -> {
            NoteRepository notes = new NoteRepository();
            for (int i = 0; i < NOTES; i++) {
                notes.save(tx, new Note(UUID.randomUUID(), Seeder.siteId("easy-brussels"), null, LocalDate.of(2022, 9, 26),
                        "Guichet unique numéro " + i + " : الشباك الوحيد للإدارة", null), stamp);
            }
            return null;
        });
        return database;
    }
}
