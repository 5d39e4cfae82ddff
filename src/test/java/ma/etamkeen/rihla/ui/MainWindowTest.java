package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel.CityHeading;
import ma.etamkeen.rihla.ui.sites.SiteListViewModel.SiteItem;

/** The real window on the real FXML, driven headless. */
class MainWindowTest {

    @TempDir
    Path folder;

    @Test
    void theListShowsTheFifteenSitesGroupedByCity() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "en")) {
            ListView<Object> list = app.siteList();
            assertThat(list.getItems()).filteredOn(SiteItem.class::isInstance).hasSize(15);
            assertThat(list.getItems()).filteredOn(CityHeading.class::isInstance)
                    .extracting(item -> ((CityHeading) item).city())
                    .containsExactly("Antwerp", "Brussels", "Namur");
            assertThat(app.stage().getTitle()).isEqualTo("Rihla");
            assertThat(app.robot().lookup("15 sites").tryQuery()).isPresent();
        }
    }

    @Test
    void selectingThePortShowsItsArabicNameAndThemes() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.clickSite("Port of Antwerp-Bruges");
            Label arabicName = app.robot().lookup("ميناء أنتويرب").queryAs(Label.class);
            assertThat(arabicName.isVisible()).isTrue();
            assertThat(arabicName.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            assertThat(app.robot().lookup(".site-title").queryAs(Label.class).getText())
                    .isEqualTo("Port of Antwerp-Bruges");
            assertThat(app.robot().lookup("Port and logistics digitalisation").tryQuery()).isPresent();
            // Its website is not verified in the sources.
            assertThat(app.robot().lookup(".badge-to-confirm").queryAllAs(Label.class))
                    .extracting(Label::getText).contains("to be confirmed");
        }
    }

    @Test
    void inArabicTheWindowIsRightToLeftAndSpeaksArabic() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            assertThat(app.root().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            assertThat(app.siteList().getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
            assertThat(app.stage().getTitle()).isEqualTo("رحلة");
            assertThat(app.robot().lookup("المواقع والهيئات").tryQuery()).isPresent();
            app.clickSite("ميناء أنتويرب");
            assertThat(app.robot().lookup(".site-title").queryAs(Label.class).getText()).isEqualTo("ميناء أنتويرب");
            // The French name stays left-to-right inside the Arabic window.
            Label frenchName = app.robot().lookup("Port d'Anvers-Bruges").queryAs(Label.class);
            assertThat(frenchName.getEffectiveNodeOrientation()).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        }
    }

    @Test
    void inFrenchTheUnverifiedCityOfEwbsIsMarkedToConfirm() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            app.clickSite("e-Wallonie-Bruxelles Simplification (eWBS)");
            assertThat(app.robot().lookup(".badge-to-confirm").queryAllAs(Label.class))
                    .extracting(Label::getText).containsExactly("à confirmer");
            assertThat(app.robot().lookup("Sites et organismes").tryQuery()).isPresent();
        }
    }
}
