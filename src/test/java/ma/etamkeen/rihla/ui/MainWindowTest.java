package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
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

    /** Cells are reused as the list scrolls: each shows its own item, and nothing of the one it showed before. */
    @Test
    void afterScrollingEachCellShowsItsOwnHeadingOrSiteAndHoverNamesTheSite() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            ListView<Object> list = app.siteList();
            for (int index : new int[] {list.getItems().size() - 1, 7, 0}) {
                app.robot().interact(() -> list.scrollTo(index));
                WaitForAsyncUtils.waitForFxEvents();
            }
            List<ListCell<?>> cells = new ArrayList<>();
            for (ListCell<?> cell : app.robot().from(list).lookup(".list-cell").queryAllAs(ListCell.class)) {
                if (cell.isVisible() && cell.getItem() != null) {
                    cells.add(cell);
                }
            }
            int headings = 0;
            int sites = 0;
            for (ListCell<?> cell : cells) {
                Label heading = (Label) cell.lookup(".city-heading");
                Label name = (Label) cell.lookup(".site-name");
                List<String> chips = cell.lookupAll(".chip").stream().filter(javafx.scene.Node::isVisible)
                        .map(chip -> ((Label) chip).getText()).toList();
                if (cell.getItem() instanceof CityHeading city) {
                    headings++;
                    assertThat(heading.isVisible()).isTrue();
                    assertThat(heading.getText()).startsWith(city.city() + "  ·  ").endsWith(city.siteCount() == 1
                            ? "1 site" : city.siteCount() + " sites");
                    assertThat(name.isVisible()).isFalse();
                    assertThat(chips).as("no theme of a site shown before").isEmpty();
                    assertThat(cell.getPseudoClassStates()).contains(PseudoClass.getPseudoClass("city-heading"));
                } else if (cell.getItem() instanceof SiteItem site) {
                    sites++;
                    assertThat(heading.isVisible()).isFalse();
                    assertThat(name.getText()).isEqualTo(site.name());
                    assertThat(chips).isEqualTo(site.themes());
                    assertThat(cell.getPseudoClassStates()).doesNotContain(PseudoClass.getPseudoClass("city-heading"));
                }
            }
            assertThat(headings).isPositive();
            assertThat(sites).isGreaterThan(3);

            ListCell<?> hovered = cells.stream().filter(cell -> cell.getItem() instanceof SiteItem).reduce((a, b) -> b)
                    .orElseThrow();
            app.robot().moveTo(hovered);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(hovered.getTooltip().getText()).isEqualTo(((SiteItem) hovered.getItem()).name());
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
