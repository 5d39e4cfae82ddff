package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ContentRevision;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.StoreMarker;
import ma.etamkeen.rihla.store.TableDump;
import ma.etamkeen.rihla.testing.ManualTimer;
import ma.etamkeen.rihla.testing.Stores;
import ma.etamkeen.rihla.ui.backups.BackupsViewModel;
import ma.etamkeen.rihla.ui.common.Autosave;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.main.MainViewModel;
import ma.etamkeen.rihla.ui.notes.NotesViewModel;

/** Autosave, undo and the trash through the view models, on a real store, with a hand-driven timer. */
class CaptureViewModelTest {
    @TempDir
    Path folder;
    @TempDir
    Path files;

    private Workspace workspace;
    private final ManualTimer timer = new ManualTimer();
    private final UiLanguage language = new UiLanguage(Language.FR);
    private WindowContext context;
    private MainViewModel main;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
        context = new WindowContext(language, Background.sameThread(workspace), timer);
        main = new MainViewModel(context, folder);
        main.load();
        main.sites().select("easy-brussels");
    }

    @AfterEach
    void close() {
        context.background().close();  // closes whichever workspace is open now (a restore replaces it)
    }

    private List<Note> storedNotes() {
        return workspace.notes().forSite(Seeder.siteId("easy-brussels"));
    }

    @Test
    void typingSavesAfterAPauseAndNotBefore() {
        NotesViewModel notes = main.detail().notes();
        notes.create();
        notes.bodyProperty().set("L");
        notes.bodyProperty().set("Le baromètre");
        assertThat(storedNotes()).isEmpty();
        assertThat(timer.delays()).allMatch(Autosave.DELAY::equals);
        timer.elapse();
        assertThat(storedNotes()).extracting(Note::body).containsExactly("Le baromètre");
        assertThat(context.saveStatus().textProperty().get()).startsWith("Enregistré à");
    }

    @Test
    void anEmptyNewNoteIsNotStoredAndLeavingAnEntrySavesItAtOnce() {
        NotesViewModel notes = main.detail().notes();
        notes.create();
        timer.elapse();
        assertThat(storedNotes()).isEmpty();
        notes.bodyProperty().set("Première note");
        notes.create();  // moving to another entry saves the first without waiting
        assertThat(storedNotes()).extracting(Note::body).containsExactly("Première note");
        notes.bodyProperty().set("Deuxième");
        main.sites().select("asa");  // so does moving to another site
        assertThat(storedNotes()).extracting(Note::body).containsExactlyInAnyOrder("Première note", "Deuxième");
        assertThat(timer.pendingCount()).isZero();
    }

    @Test
    void aBlankTitleIsNotSavedButTheRestOfTheLessonIs() {
        var lessons = main.detail().lessons();
        List<String> refused = new ArrayList<>();
        lessons.create("   ", refused::add, () -> { });
        assertThat(refused).containsExactly("Un titre est nécessaire pour l'enregistrer.");
        lessons.create("Le « Once Only » par ordonnance", refused::add, () -> { });
        lessons.titleProperty().set("");
        lessons.observedProperty().set("Une ordonnance interdit de redemander les données");
        assertThat(lessons.problemProperty().get()).isEqualTo("Un titre est nécessaire pour l'enregistrer.");
        timer.elapse();
        Lesson stored = workspace.lessons().forSite(Seeder.siteId("easy-brussels")).get(0);
        assertThat(stored.title()).isEqualTo("Le « Once Only » par ordonnance");
        assertThat(stored.observed()).isEqualTo("Une ordonnance interdit de redemander les données");
    }

    @Test
    void deletingCanBeUndoneAndTheTrashRestoresAndEmpties() {
        NotesViewModel notes = main.detail().notes();
        notes.create();
        notes.bodyProperty().set("À garder");
        timer.elapse();
        notes.deleteSelected();
        assertThat(notes.entries()).isEmpty();
        assertThat(context.canUndoProperty().get()).isTrue();
        context.undoDelete();
        assertThat(notes.entries()).extracting(Note::body).containsExactly("À garder");
        assertThat(context.canUndoProperty().get()).isFalse();

        notes.selectedProperty().set(notes.entries().get(0));
        notes.deleteSelected();
        var trash = main.detail().trash();
        assertThat(trash.items()).singleElement().satisfies(item -> assertThat(item.label()).isEqualTo("À garder"));
        trash.restore(trash.items().get(0));
        assertThat(notes.entries()).hasSize(1);
        notes.selectedProperty().set(notes.entries().get(0));
        notes.deleteSelected();
        trash.empty();
        assertThat(trash.items()).isEmpty();
        assertThat(notes.entries()).isEmpty();
        assertThat(context.saveStatus().textProperty().get()).isEqualTo("1 entrées supprimées définitivement.");
    }

    @Test
    void restoringABackupFromTheWindowBringsItsContentBack() throws InterruptedException {
        NotesViewModel notes = main.detail().notes();
        notes.create();
        notes.bodyProperty().set("avant la sauvegarde");
        timer.elapse();
        BackupsViewModel backups = new BackupsViewModel(context);
        backups.backUpNow();
        assertThat(backups.backups()).hasSize(1);
        notes.bodyProperty().set("après la sauvegarde");
        timer.elapse();
        List<String> refused = new ArrayList<>();
        boolean[] restored = {false};
        backups.restore(backups.backups().get(0).file(), () -> restored[0] = true, refused::add);
        assertThat(refused).isEmpty();
        assertThat(restored[0]).isTrue();
        assertThat(notes.entries()).extracting(Note::body).containsExactly("avant la sauvegarde");
        assertThat(context.saveStatus().textProperty().get()).startsWith("Sauvegarde rihla-")
                .contains(" restaurée. L'état précédent a d'abord été sauvegardé (rihla-").endsWith("-before-restore.zip).");
        // The restored store (an id of its own) has its search index rebuilt in the background, before any search.
        Optional<ContentRevision.Stamp> restoredStore = StoreMarker.read(folder);
        assertThat(restoredStore).isPresent();
        assertThat(Stores.awaitIndexRecord(folder, restoredStore::equals)).isEqualTo(restoredStore);
        // A file that is not a backup changes nothing and says so.
        backups.restore(files.resolve("photo.zip"), () -> { }, refused::add);
        assertThat(refused).singleElement().asString().endsWith("n'est pas une sauvegarde de Rihla, ou ne peut pas être lu. Rien n'a été modifié.");
        assertThat(notes.entries()).extracting(Note::body).containsExactly("avant la sauvegarde");
    }

    @Test
    void aFileOverTheLimitIsRefusedInTheUiLanguageAndNothingIsStored() throws Exception {
        Path big = files.resolve("visite.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Limits.ATTACHMENT_BYTES + 1024 * 1024);
        }
        Map<String, List<String>> before = TableDump.of(workspace.database());
        List<String> refused = new ArrayList<>();
        main.detail().attachments().attach(List.of(big, files.resolve("absent.jpg")), null, null, refused::add);
        assertThat(refused).containsExactly(
                "visite.mp4 pèse 51,0 Mo ; un fichier peut peser au plus 50,0 Mo. Rien n'a été joint.",
                "Le fichier absent.jpg ne peut pas être lu. Rien n'a été joint.");
        assertThat(TableDump.of(workspace.database())).isEqualTo(before);
        assertThat(main.detail().attachments().attachments()).isEmpty();
    }
}
