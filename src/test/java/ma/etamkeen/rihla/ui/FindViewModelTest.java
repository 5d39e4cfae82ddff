package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.ManualTimer;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.main.MainViewModel;
import ma.etamkeen.rihla.ui.main.MainViewModel.Page;
import ma.etamkeen.rihla.service.PracticeLabels;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel.FacetValue;
import ma.etamkeen.rihla.ui.search.SearchViewModel;
import ma.etamkeen.rihla.ui.search.SearchViewModel.Heading;
import ma.etamkeen.rihla.ui.search.SearchViewModel.HitRow;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel.SiteTab;

/** The search field, the results and the practices view through their view models, on a real store. */
class FindViewModelTest {
    @TempDir
    Path folder;

    private final ManualTimer timer = new ManualTimer();
    private WindowContext context;
    private MainViewModel main;

    @BeforeEach
    void open() throws Exception {
        DemoData.fill(folder);
        start();
    }

    private void start() {
        Workspace workspace = Workspace.open(folder);
        context = new WindowContext(new UiLanguage(Language.FR), Background.sameThread(workspace), timer);
        main = new MainViewModel(context, folder);
        main.load();
    }

    @AfterEach
    void close() {
        context.background().close();
    }

    @Test
    void typingShowsGroupedResultsAndOpeningOneShowsTheEntryInItsSite() {
        SearchViewModel search = main.search();
        search.queryProperty().set("ordonnance");
        assertThat(main.pageProperty().get()).isEqualTo(Page.RESULTS);
        List<SearchViewModel.Row> rows = search.rows();
        assertThat(rows.get(0)).isInstanceOf(Heading.class);
        List<SearchKind> kinds = rows.stream().filter(HitRow.class::isInstance).map(row -> ((HitRow) row).hit().kind())
                .distinct().toList();
        // The site (its summary names the ordinance), then lessons, then notes.
        assertThat(kinds).containsExactly(SearchKind.SITE, SearchKind.LESSON, SearchKind.NOTE);
        HitRow lesson = rows.stream().filter(HitRow.class::isInstance).map(HitRow.class::cast)
                .filter(row -> row.hit().kind() == SearchKind.LESSON).findFirst().orElseThrow();
        assertThat(lesson.hit().siteName()).isEqualTo("easy.brussels");
        assertThat(lesson.kindLabel()).isEqualTo("Enseignement");

        search.open(lesson.hit());
        assertThat(main.pageProperty().get()).isEqualTo(Page.SITES);
        assertThat(main.sites().selectedSiteProperty().get().slug()).isEqualTo("easy-brussels");
        assertThat(main.detail().tabProperty().get()).isEqualTo(SiteTab.LESSONS);
        assertThat(main.detail().lessons().selectedProperty().get()).extracting(Lesson::title)
                .isEqualTo("Inscrire le « Once Only » dans un texte contraignant");

        // The query stays; clearing it goes back to where the user was browsing.
        main.pageProperty().set(Page.PRACTICES);
        search.queryProperty().set("anvers");
        assertThat(main.pageProperty().get()).isEqualTo(Page.RESULTS);
        search.queryProperty().set("");
        assertThat(main.pageProperty().get()).isEqualTo(Page.PRACTICES);
        assertThat(search.rows()).isEmpty();
    }

    @Test
    void thePracticesAreReadWhenTheirPageIsFirstShownWithWhatWasWrittenBefore() {
        PracticesViewModel practices = main.practices();
        assertThat(practices.loadedProperty().get()).as("the window's start reads no practice").isFalse();
        main.sites().select("becode");
        main.detail().lessons().create("Former les agents au numérique", refused -> {
            throw new AssertionError(refused);
        }, () -> { });
        assertThat(practices.rows()).as("a change before the page was shown reads nothing").isEmpty();

        practices.load();  // the page is shown
        assertThat(practices.rows()).hasSize(7).extracting(PracticeLabels.Row::title)
                .contains("Former les agents au numérique");
        main.detail().lessons().create("Ouvrir les locaux le soir", refused -> {
            throw new AssertionError(refused);
        }, () -> { });
        assertThat(practices.rows()).as("from then on, it follows changes").hasSize(8);
    }

    @Test
    void aThemeNarrowsThePracticesAndTheCountsFollow() {
        PracticesViewModel practices = main.practices();
        practices.load();
        assertThat(practices.rows()).hasSize(6);
        assertThat(value(practices, Facet.THEME, "simplification").count()).isEqualTo(4);

        practices.toggle(Facet.THEME, "simplification");
        assertThat(practices.rows()).extracting(ma.etamkeen.rihla.service.PracticeLabels.Row::site).containsOnly(
                "Agence pour la Simplification Administrative (ASA)", "e-Wallonie-Bruxelles Simplification (eWBS)",
                "easy.brussels").hasSize(4);
        assertThat(practices.chips()).extracting(PracticesViewModel.Chip::label)
                .containsExactly("Simplification administrative");
        assertThat(value(practices, Facet.SITE, Seeder.siteId("easy-brussels").toString()).count()).isEqualTo(2);
        FacetValue becode = value(practices, Facet.SITE, Seeder.siteId("becode").toString());
        assertThat(becode.count()).isZero();  // offered, dimmed, not hidden
        assertThat(value(practices, Facet.KIND, "idea").count()).isEqualTo(1);

        practices.toggle(Facet.KIND, "idea");
        assertThat(practices.rows()).extracting(ma.etamkeen.rihla.service.PracticeLabels.Row::title)
                .containsExactly("مرسوم لتطبيق مبدأ «مرة واحدة فقط» في المساطر الجبائية");
        assertThat(practices.rows().get(0).targets()).isEqualTo("DGI, MTNRA");
        practices.remove(practices.chips().get(0));
        assertThat(practices.rows()).hasSize(2);  // both ideas, any theme
        practices.clearAll();
        assertThat(practices.rows()).hasSize(6);
        assertThat(practices.chips()).isEmpty();

        practices.open(practices.rows().stream().filter(row -> row.site().startsWith("Agence")).findFirst().orElseThrow());
        assertThat(main.sites().selectedSiteProperty().get().slug()).isEqualTo("asa");
        assertThat(main.detail().lessons().selectedProperty().get().title())
                .isEqualTo("Mesurer la charge administrative avant de simplifier");
    }

    @Test
    void exportingThePracticesShownWritesThemAsASpreadsheetAndSaysSo() throws Exception {
        PracticesViewModel practices = main.practices();
        practices.load();
        practices.toggle(Facet.KIND, "idea");
        assertThat(practices.rows()).hasSize(2);
        Path xlsx = folder.resolve("idées.xlsx");
        practices.export(practices.rows(), xlsx);
        assertThat(context.saveStatus().textProperty().get()).isEqualTo("2 pratiques écrites dans " + xlsx);
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
             var rows = workbook.getFirstSheet().openStream()) {
            assertThat(rows.skip(1).map(row -> row.getCellText(0)).toList())
                    .containsExactlyElementsOf(practices.rows().stream().map(PracticeLabels.Row::title).toList());
        }
        practices.export(practices.rows(), folder);  // a folder, not a file: refused, said in the status bar
        assertThat(context.saveStatus().textProperty().get()).contains("n'a pas pu être écrit");
        assertThat(context.saveStatus().styleProperty().get()).isEqualTo("failed");
    }

    @Test
    void exportingTheBoardWritesTheIdeasItShowsAsASpreadsheet() throws Exception {
        var board = main.board();
        board.load();
        board.targetProperty().set(board.targets().stream().filter(choice -> "DGI".equals(choice.label()))
                .findFirst().orElseThrow());
        int shown = 0;
        for (ma.etamkeen.rihla.model.Idea.Status status : ma.etamkeen.rihla.model.Idea.Status.values()) {
            shown += board.column(status).size();
        }
        assertThat(shown).as("the DGI is the target of one idea").isEqualTo(1);
        Path xlsx = folder.resolve("tableau.xlsx");
        board.export(xlsx);
        assertThat(context.saveStatus().textProperty().get()).isEqualTo("1 pratique écrite dans " + xlsx);
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile());
             var rows = workbook.getFirstSheet().openStream()) {
            assertThat(rows.skip(1).map(row -> row.getCellText(0)).toList())
                    .containsExactly("مرسوم لتطبيق مبدأ «مرة واحدة فقط» في المساطر الجبائية");
        }
    }

    @Test
    void theLastFilterAndSearchComeBackAfterARestartAndTheWindowOpensOnTheSites() {
        main.practices().load();
        main.practices().toggle(Facet.THEME, "simplification");
        main.practices().toggle(Facet.THEME, "data-once-only");
        main.practices().setAllThemes(true);
        main.search().queryProperty().set("once only");
        timer.elapse();  // the search is remembered once typing stops
        close();

        start();
        assertThat(main.search().queryProperty().get()).isEqualTo("once only");
        assertThat(main.search().totalProperty().get()).isPositive();
        assertThat(main.pageProperty().get()).isEqualTo(Page.SITES);
        main.practices().load();  // the practices page is opened
        assertThat(main.practices().filterProperty().get().chosen(Facet.THEME))
                .containsExactlyInAnyOrder("simplification", "data-once-only");
        assertThat(main.practices().filterProperty().get().allThemes()).isTrue();
        assertThat(main.practices().rows()).hasSize(2);
    }

    private static FacetValue value(PracticesViewModel practices, Facet facet, String key) {
        return practices.groups().stream().filter(group -> group.facet() == facet)
                .flatMap(group -> group.values().stream()).filter(value -> value.key().equals(key)).findFirst()
                .orElseThrow();
    }
}
