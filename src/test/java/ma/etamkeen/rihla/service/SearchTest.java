package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.store.AtomicFiles;
import ma.etamkeen.rihla.store.ContentRevision;
import ma.etamkeen.rihla.store.SearchIndex;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.Stores;

/** The search index on a real store: it follows every change and finds words as people type them. */
class SearchTest {
    private static final UUID PORT = Seeder.siteId("port-of-antwerp-bruges");
    private static final UUID EASY = Seeder.siteId("easy-brussels");

    @TempDir
    Path folder;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private SearchService.Results search(String text) {
        workspace.search().awaitReady();
        return workspace.search().search(text, Set.of(), Set.of(), Language.EN, 50);
    }

    private List<UUID> ids(String text) {
        return search(text).all().stream().map(SearchService.Hit::id).toList();
    }

    @Test
    void theIndexOpensWhenFirstNeededAndThenCatchesUpWithWhatWasWrittenBefore() throws Exception {
        workspace.search().awaitReady();
        workspace.close();
        AtomicFiles.deleteQuietly(folder.resolve(SearchIndex.FOLDER));  // lost: a rebuild is due

        // A command that never searches (listing the sites) neither opens nor rebuilds the index.
        workspace = Workspace.open(folder);
        assertThat(workspace.catalog().sites()).isNotEmpty();
        workspace.close();
        assertThat(folder.resolve(SearchIndex.FOLDER)).doesNotExist();

        // A note written before any search starts it, and the rebuilt index has the note and the sites.
        workspace = Workspace.open(folder);
        Note note = workspace.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.now(),
                "guichet unique bruxellois", null));
        assertThat(ids("guichet")).contains(note.id());
        assertThat(ids("Anvers")).contains(PORT);
        workspace.close();

        // Started without a search (as the window does once shown): it opens and records the store.
        AtomicFiles.deleteQuietly(folder.resolve(SearchIndex.FOLDER));
        workspace = Workspace.open(folder);
        workspace.search().start();
        assertThat(Stores.awaitIndexRecord(folder, Optional::isPresent)).isPresent();
    }

    @Test
    void theSeededSitesAreFoundInEveryLanguageAsPeopleTypeThem() {
        assertThat(ids("انتويرب")).first().isEqualTo(PORT);
        assertThat(ids("ميناء")).contains(PORT);
        assertThat(ids("ﻣﻴﻨﺎء")).contains(PORT);  // pasted from a PDF: presentation forms
        assertThat(ids("Anvers")).contains(PORT);
        assertThat(ids("jumeau numerique")).contains(PORT);  // all words, accents ignored
        assertThat(ids("numerique jumeau")).contains(PORT);  // any order
        assertThat(ids("once on")).contains(EASY);  // the last word is a beginning
        assertThat(ids("مرة واحدة")).contains(EASY);
        assertThat(ids("nothing-like-this-anywhere")).isEmpty();
        // A one-letter prefix (لأنتويرب: "for Antwerp") or an article does not hide a word, either way.
        Note arabic = workspace.notes().save(new Note(UUID.randomUUID(), PORT, null, LocalDate.now(),
                "زيارة لأنتويرب وللإدارة المينائية", null));
        assertThat(ids("انتويرب")).contains(arabic.id());
        assertThat(ids("الادارة")).contains(arabic.id());
        assertThat(ids("لانتويرب")).contains(PORT, arabic.id());
        assertThat(search("انتويرب").all().stream().filter(hit -> hit.id().equals(arabic.id())).findFirst()
                .orElseThrow().snippet().matches()).hasSize(1);
        SearchService.Hit port = search("انتويرب").all().get(0);
        assertThat(port.kind()).isEqualTo(SearchKind.SITE);
        assertThat(port.title().text()).isEqualTo("Port of Antwerp-Bruges");
        assertThat(port.siteSlug()).isEqualTo("port-of-antwerp-bruges");
    }

    @Test
    void aNoteIsFoundOnceSavedAndFollowsItsEditsDeletionRestoreAndPurge() {
        Note note = workspace.notes().save(new Note(UUID.randomUUID(), EASY, null, LocalDate.now(),
                "Le baromètre de la charge administrative", null));
        assertThat(ids("barometre")).containsExactly(note.id());
        workspace.notes().save(note.withBody("Le guichet unique des entreprises"));
        assertThat(ids("barometre")).isEmpty();
        assertThat(ids("guichet")).containsExactly(note.id());

        workspace.trash().delete(EntryKind.NOTE, note.id());
        assertThat(ids("guichet")).isEmpty();
        workspace.trash().restore(EntryKind.NOTE, note.id());
        assertThat(ids("guichet")).containsExactly(note.id());
        workspace.trash().delete(EntryKind.NOTE, note.id());
        workspace.trash().empty(Optional.empty());
        assertThat(ids("guichet")).isEmpty();
    }

    @Test
    void matchedWordsAreMarkedInTheOriginalText() {
        Lesson lesson = workspace.lessons().save(new Lesson(UUID.randomUUID(), EASY, null, "تبسيط المساطر في الإدارة",
                "Une ordonnance impose le principe « Once Only » à toutes les administrations bruxelloises.", null,
                Set.of("simplification"), null));
        SearchService.Hit hit = search("اداره").groups().get(SearchKind.LESSON).get(0);
        assertThat(hit.id()).isEqualTo(lesson.id());
        int[] span = hit.title().matches().get(0);
        assertThat(hit.title().text().substring(span[0], span[1])).isEqualTo("الإدارة");
        SearchService.Hit french = search("ordonnance").groups().get(SearchKind.LESSON).get(0);
        int[] word = french.snippet().matches().get(0);
        assertThat(french.snippet().text().substring(word[0], word[1])).isEqualTo("ordonnance");
    }

    @Test
    void resultsComeGroupedByKindAndCanBeLimitedToAThemeOrAKind() {
        workspace.lessons().save(new Lesson(UUID.randomUUID(), EASY, null, "Simplifier par une ordonnance", null, null,
                Set.of("simplification"), null));
        workspace.ideas().save(new Idea(UUID.randomUUID(), PORT, null, null, "Une ordonnance pour les données portuaires",
                null, null, null, Idea.Status.PROPOSED, null, null, Set.of("port-logistics"), Set.of(), null));
        SearchService.Results all = search("ordonnance");
        assertThat(all.groups().keySet()).contains(SearchKind.LESSON, SearchKind.IDEA, SearchKind.SITE);
        SearchService.Results simplification = workspace.search().search("ordonnance", Set.of("simplification"), Set.of(),
                Language.FR, 50);
        assertThat(simplification.all()).allSatisfy(hit -> assertThat(hit.kind() != SearchKind.IDEA).isTrue());
        assertThat(workspace.search().search("ordonnance", Set.of(), Set.of(SearchKind.IDEA), Language.FR, 50).all())
                .singleElement().satisfies(hit -> assertThat(hit.kind()).isEqualTo(SearchKind.IDEA));
    }

    @Test
    void anIndexBehindTheStoreIsRebuiltWhenTheFolderOpens() {
        workspace.search().awaitReady();
        // A change written straight to the store, as if the app had died before the index caught up.
        workspace.database().write(tx -> {
            tx.update("UPDATE site SET summary_en = 'A unique word: zanzibarique' WHERE id = ?", EASY);
            ContentRevision.bump(tx);
            return null;
        });
        assertThat(ids("zanzibarique")).isEmpty();
        workspace.close();
        workspace = Workspace.open(folder);
        assertThat(ids("zanzibarique")).containsExactly(EASY);
    }
}
