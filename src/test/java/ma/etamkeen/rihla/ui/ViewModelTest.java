package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.testing.ManualTimer;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.main.MainViewModel;
import ma.etamkeen.rihla.ui.site.SiteDetailViewModel;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel;

/** The view models with plain JUnit, on a real store, everything on the test thread. */
class ViewModelTest {
    @TempDir
    Path folder;

    private Workspace workspace;
    private final UiLanguage language = new UiLanguage(Language.EN);
    private MainViewModel main;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
        main = new MainViewModel(new WindowContext(language, Background.sameThread(workspace), new ManualTimer()), folder);
        main.load();
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void sitesAreGroupedByCityInTheUiLanguage() {
        assertThat(headings()).containsExactly("Antwerp (1)", "Brussels (11)", "Namur (3)");
        language.languageProperty().set(Language.FR);
        assertThat(headings()).containsExactly("Anvers (1)", "Bruxelles (11)", "Namur (3)");
        assertThat(main.sites().siteCountProperty().get()).isEqualTo(15);
    }

    @Test
    void selectingASiteFillsTheDetailAndMarksWhatIsToBeConfirmed() {
        assertThat(main.detail().detail()).isNull();
        main.sites().select("ewbs");
        SiteDetailViewModel.Detail detail = main.detail().detail();
        assertThat(detail.title()).isEqualTo("e-Wallonia-Brussels Simplification (eWBS)");
        assertThat(detail.rows()).filteredOn(row -> row.toConfirm() != null)
                .extracting(SiteDetailViewModel.Row::label).containsExactly("City");
        assertThat(detail.rows()).filteredOn(row -> row.label().equals("Address"))
                .extracting(SiteDetailViewModel.Row::value).containsExactly("Not known");
        assertThat(detail.themes()).containsExactly("Administrative simplification", "Digital public services");
        assertThat(detail.facts()).allSatisfy(fact -> assertThat(fact.source()).startsWith("https://"));
    }

    @Test
    void theDetailFollowsTheLanguage() {
        main.sites().select("port-of-antwerp-bruges");
        language.languageProperty().set(Language.AR);
        SiteDetailViewModel.Detail detail = main.detail().detail();
        assertThat(detail.title()).isEqualTo("ميناء أنتويرب");
        assertThat(detail.rows().get(0).label()).isEqualTo("الاسم بالعربية");
        assertThat(detail.rows()).filteredOn(row -> row.link()).singleElement()
                .satisfies(row -> assertThat(row.toConfirm()).isEqualTo(ma.etamkeen.rihla.model.Site.Field.WEBSITE));
    }

    @Test
    void theHeadingDescribesTheVisit() {
        assertThat(main.visitTitleBinding().get()).isEqualTo("Thematic exchange visit to Belgium 2022");
        assertThat(main.visitSummaryBinding().get())
                .isEqualTo("E-TAMKEEN · Belgium · September 25, 2022 – October 5, 2022 · 18 delegates · 14 administrations");
        language.languageProperty().set(Language.AR);
        assertThat(main.visitSummaryBinding().get()).contains("25 شتنبر 2022").contains("18 عضوا في الوفد");
    }

    private List<String> headings() {
        return main.sites().items().stream()
                .filter(SiteListViewModel.CityHeading.class::isInstance)
                .map(SiteListViewModel.CityHeading.class::cast)
                .map(heading -> heading.city() + " (" + heading.siteCount() + ")")
                .toList();
    }
}
