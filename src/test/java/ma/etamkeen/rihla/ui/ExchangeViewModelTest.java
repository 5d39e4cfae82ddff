package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.Laptops;
import ma.etamkeen.rihla.testing.ManualTimer;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.exchange.ExportViewModel;
import ma.etamkeen.rihla.ui.exchange.ImportViewModel;

/** Export and import through their view models, on real stores: what the dialogs show and what they do. */
class ExchangeViewModelTest {
    private static final java.util.UUID PORT = Seeder.siteId("port-of-antwerp-bruges");

    @TempDir
    Path folder;
    private WindowContext context;

    private WindowContext open(Path data, Language language) {
        context = new WindowContext(new UiLanguage(language), Background.sameThread(Workspace.open(data)),
                new ManualTimer());
        context.loadLists();
        return context;
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.background().close();
        }
    }

    @Test
    void thePreviewCountsTheConflictAndChangesNothingUntilImportThenTakesTheChoice() throws Exception {
        Path pkg = Laptops.conflictingPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        ImportViewModel preview = new ImportViewModel(open(folder.resolve("youssef"), Language.FR), pkg);
        preview.open();

        ImportViewModel.Preview shown = preview.previewProperty().get();
        assertThat(shown.heading()).contains("amina.rihla\u200E : exporté par Amina El Idrissi le ").endsWith(", 66 enregistrements");
        assertThat(shown.total().counts().conflicts()).isEqualTo(1);
        assertThat(shown.byKind()).filteredOn(row -> row.label().equals("Note"))
                .singleElement().satisfies(row -> assertThat(row.counts().conflicts()).isEqualTo(1));
        assertThat(shown.bySite()).filteredOn(row -> row.counts().conflicts() > 0).extracting(ImportViewModel.Row::label)
                .containsExactly("Port d'Anvers-Bruges");
        assertThat(shown.bySite()).extracting(ImportViewModel.Row::label).contains("easy.brussels", "BeCode");
        ImportViewModel.ConflictView conflict = shown.conflicts().get(0);
        assertThat(conflict.mine()).isEqualTo(Laptops.YOUSSEF_SAYS);
        assertThat(conflict.theirsChanged()).startsWith("Modifié par Amina El Idrissi le ");
        assertThat(conflict.theirs()).startsWith(Laptops.AMINA_SAYS);
        assertThat(conflict.canKeepBoth()).isTrue();
        assertThat(preview.choices()).containsEntry(conflict.conflict().id(), Resolution.BOTH);
        assertThat(notesAtThePort()).containsExactly(Laptops.YOUSSEF_SAYS);  // nothing changed yet

        preview.choices().put(conflict.conflict().id(), Resolution.THEIRS);
        preview.importNow();
        assertThat(preview.messageProperty().get()).startsWith("Importé : 0 nouveaux, 0 mis à jour, 0 supprimés, "
                + "1 conflits réglés (0 gardés en deux versions)");
        assertThat(preview.finishedProperty().get()).isTrue();
        assertThat(notesAtThePort()).containsExactly(Laptops.AMINA_SAYS);
    }

    /**
     * A site both sides edited (Amina its level, Youssef its summary): named, and only what differs, each field
     * named and its code (the level) in the user's words, not the whole site nor "regional".
     */
    @Test
    void aSiteInConflictShowsWhatDiffersFieldByFieldInWords() throws Exception {
        ImportViewModel.ConflictView conflict = siteConflictPreviewed(Language.FR);
        assertThat(withoutMarks(conflict.kind())).isEqualTo("Site · Agence pour la Simplification Administrative (ASA)");
        assertThat(withoutMarks(conflict.mine()).lines()).containsExactly("Niveau de pouvoir : Fédéral",
                "Résumé (français) : " + Laptops.YOUSSEF_SUMMARY);
        assertThat(withoutMarks(conflict.theirs()).lines()).hasSize(2).startsWith("Niveau de pouvoir : Régional");
    }

    /** An idea both laptops moved on the board: each side says its status in words, the rest being the same. */
    @Test
    void anIdeaMovedOnBothLaptopsShowsEachStatus() throws Exception {
        Path first = folder.resolve("first.rihla");
        Path second = folder.resolve("second.rihla");
        var everything = ma.etamkeen.rihla.service.ExchangeService.ExportScope.all();
        try (Workspace amina = Workspace.open(folder.resolve("amina"));
             Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            var idea = amina.ideas().save(new ma.etamkeen.rihla.model.Idea(java.util.UUID.randomUUID(), PORT, null, null,
                    "Un guichet unique portuaire", "Une seule déclaration pour tous les services.", null, null,
                    ma.etamkeen.rihla.model.Idea.Status.PROPOSED, null, null, java.util.Set.of(), java.util.Set.of(), null));
            amina.exchange().export(first, everything, (done, total) -> { });
            try (var pkg = youssef.exchange().read(first)) {
                youssef.exchange().apply(pkg, youssef.exchange().plan(pkg), java.util.Map.of(), (done, total) -> { },
                        () -> false);
            }
            amina.ideas().move(idea.id(), ma.etamkeen.rihla.model.Idea.Status.PILOTING);
            youssef.ideas().move(idea.id(), ma.etamkeen.rihla.model.Idea.Status.DROPPED);
            amina.exchange().export(second, everything, (done, total) -> { });
        }
        ImportViewModel preview = new ImportViewModel(open(folder.resolve("youssef"), Language.FR), second);
        preview.open();

        ImportViewModel.ConflictView conflict = preview.previewProperty().get().conflicts().stream()
                .filter(view -> view.kind().startsWith("Idée")).findFirst().orElseThrow();
        assertThat(withoutMarks(conflict.kind())).isEqualTo("Idée de transfert · Un guichet unique portuaire");
        assertThat(withoutMarks(conflict.mine())).isEqualTo("Statut : Abandonnée");
        assertThat(withoutMarks(conflict.theirs())).isEqualTo("Statut : En expérimentation");
    }

    /** In Arabic, no right-to-left mark: JavaFX draws U+200F as a box over the colon before it. */
    @Test
    void aSiteInConflictReadsInArabicWithoutMarksDrawnAsBoxes() throws Exception {
        ImportViewModel.ConflictView conflict = siteConflictPreviewed(Language.AR);
        assertThat(conflict.kind()).isEqualTo("موقع · وكالة التبسيط الإداري (ASA)");
        assertThat(conflict.mine().lines()).contains("مستوى الحكم: فيدرالي");
        assertThat(conflict.theirs().lines()).contains("مستوى الحكم: جهوي");
        assertThat(conflict.kind() + conflict.mine() + conflict.theirs()).doesNotContain("\u200F", "\u061C");
    }

    /** Youssef's preview, in {@code language}, of Amina's package whose site conflicts with his. */
    private ImportViewModel.ConflictView siteConflictPreviewed(Language language) throws Exception {
        Path pkg = Laptops.siteConflictPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        ImportViewModel preview = new ImportViewModel(open(folder.resolve("youssef"), language), pkg);
        preview.open();
        return preview.previewProperty().get().conflicts().get(0);
    }

    /** Without the marks that keep each value's direction in a sentence (U+200E, U+200F, U+2066 to U+2069). */
    private static String withoutMarks(String text) {
        return text.replaceAll("[\u200E\u200F\u2066-\u2069]", "");
    }

    /** A failed sync's sentence in the status bar follows the window into another language. */
    @Test
    void aFailedSyncIsToldAgainInTheLanguageChosenAfterIt() throws Exception {
        Path missing = folder.resolve("usb-stick");  // a hub folder on a stick that is not plugged in
        try (Workspace store = Workspace.open(folder.resolve("data"))) {
            store.sync().setHub(ma.etamkeen.rihla.service.HubAddress.folder(missing));
        }
        WindowContext here = open(folder.resolve("data"), Language.FR);
        ma.etamkeen.rihla.ui.exchange.SyncViewModel sync = new ma.etamkeen.rihla.ui.exchange.SyncViewModel(here);
        sync.syncNow();
        assertThat(sync.statusBinding().get()).startsWith("Le dossier du hub ").contains("est inaccessible");
        here.language().languageProperty().set(Language.AR);
        assertThat(sync.statusBinding().get()).startsWith("تعذّر الوصول إلى مجلد المركز ");
    }

    @Test
    void aChangeMadeAfterThePreviewStopsTheImportAndAsksToLookAgain() throws Exception {
        Path pkg = Laptops.conflictingPackage(folder.resolve("amina"), folder.resolve("youssef"), folder);
        ImportViewModel preview = new ImportViewModel(open(folder.resolve("youssef"), Language.FR), pkg);
        preview.open();
        String edited = "APICA, revu par Youssef après l'aperçu.";
        context.background().write(workspace -> workspace.notes().save(workspace.notes().forSite(PORT).get(0)
                .withBody(edited)), saved -> { });

        preview.importNow();
        assertThat(preview.messageProperty().get()).contains("depuis l'aperçu");
        assertThat(preview.finishedProperty().get()).isTrue();  // Import is no longer offered on a stale preview
        assertThat(notesAtThePort()).containsExactly(edited);
    }

    @Test
    void manyDeletionsAreListedToConfirmAndGoToTheTrashOnceConfirmed() throws Exception {
        Path amina = folder.resolve("amina");
        Path his = Laptops.deletingPackage(amina, folder.resolve("youssef"), folder, 12);
        ImportViewModel preview = new ImportViewModel(open(amina, Language.FR), his);
        preview.open();
        assertThat(preview.deletionsToConfirm()).hasSize(12).allSatisfy(line -> assertThat(line).startsWith("Note : « gardee"));

        preview.importNow();  // as if the confirmation were skipped
        assertThat(preview.messageProperty().get()).contains("supprimerait 12 entrées", "Rien n'a été importé");
        assertThat(count(workspace -> workspace.notes().forSite(ma.etamkeen.rihla.testing.Stores.SITE).size())).isEqualTo(12);

        preview.importNow(12);
        assertThat(preview.finishedProperty().get()).isTrue();
        assertThat(count(workspace -> workspace.notes().forSite(ma.etamkeen.rihla.testing.Stores.SITE).size())).isZero();
        assertThat(count(workspace -> workspace.trash().list(java.util.Optional.empty()).size())).isEqualTo(12);
    }

    @Test
    void aBrokenPackageSaysWhyAndOffersNoImport() throws Exception {
        Path broken = Files.writeString(folder.resolve("notes.rihla"), "pas un zip");
        ImportViewModel preview = new ImportViewModel(open(folder.resolve("data"), Language.AR), broken);
        preview.open();
        assertThat(preview.previewProperty().get()).isNull();
        assertThat(preview.messageProperty().get()).contains("ليس حزمة «رحلة»");
        assertThat(preview.finishedProperty().get()).isTrue();
    }

    @Test
    void exportingToAColleagueRemembersWhenAndOnlyMineNeedsToKnowWhoIAm() throws Exception {
        ma.etamkeen.rihla.testing.DemoData.fill(folder.resolve("amina"));
        ExportViewModel export = new ExportViewModel(open(folder.resolve("amina"), Language.EN),
                new ma.etamkeen.rihla.ui.common.ViewScope());
        assertThat(export.suggestedFileName()).startsWith("rihla-amina-el-idrissi-").endsWith(".rihla");
        assertThat(export.colleagues()).extracting(Delegate::name).containsExactly("Youssef Benali");

        export.scopeProperty().set(ExportViewModel.Scope.SINCE);
        assertThat(export.canExport()).isFalse();  // to whom?
        export.colleagueProperty().set(export.colleagues().get(0));
        assertThat(export.lastExportProperty().get()).isEqualTo("No export to Youssef Benali yet: everything goes.");
        Path file = folder.resolve("for-youssef.rihla");
        export.export(file);
        assertThat(export.messageProperty().get()).startsWith("66 records written to");  // every record, the two ideas' first status changes among them
        assertThat(file).isRegularFile();
        assertThat(export.lastExportProperty().get()).startsWith("Last export to Youssef Benali: ");

        context.meProperty().set(null);
        export.scopeProperty().set(ExportViewModel.Scope.MINE);
        assertThat(export.canExport()).isFalse();
    }

    private int count(Background.Work<Integer> counting) {
        int[] counted = {-1};
        context.background().read(counting, n -> counted[0] = n);
        return counted[0];
    }

    private java.util.List<String> notesAtThePort() {
        java.util.List<String> bodies = new java.util.ArrayList<>();
        context.background().read(workspace -> workspace.notes().forSite(PORT), notes ->
                notes.stream().map(Note::body).forEach(bodies::add));
        return bodies;
    }
}
