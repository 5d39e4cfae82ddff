package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javafx.scene.chart.BarChart;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;

/** The charts page in the real window shows the counts the practices table gives for the same filters. */
class ChartsWindowTest {
    @TempDir
    Path folder;

    @Test
    void theChartsCountWhatThePracticesTableCounts() throws Exception {
        DemoData.fill(folder);
        Map<String, int[]> expectedByTheme = new HashMap<>();  // label in English → lessons, ideas
        Map<String, Integer> underStudyByTarget = new HashMap<>();
        try (Workspace workspace = Workspace.open(folder)) {
            for (Theme theme : workspace.catalog().themes()) {
                PracticeFilter withTheme = PracticeFilter.none().toggle(Facet.THEME, theme.code());
                int lessons = workspace.practices().filter(withTheme.toggle(Facet.KIND, "lesson")).matching().size();
                int ideas = workspace.practices().filter(withTheme.toggle(Facet.KIND, "idea")).matching().size();
                if (lessons + ideas > 0) {
                    expectedByTheme.put(theme.label().en(), new int[] {lessons, ideas});
                }
            }
            for (var administration : workspace.people().administrations()) {
                underStudyByTarget.put(administration.shortName(ma.etamkeen.rihla.i18n.Language.EN), workspace.practices()
                        .filter(PracticeFilter.none().toggle(Facet.TARGET, administration.id().toString())
                                .toggle(Facet.STATUS, "under-study")).matching().size());
            }
        }
        try (AppRunner app = AppRunner.start(folder, "en")) {
            ToggleButton charts = app.robot().lookup(".page-button").queryAllAs(ToggleButton.class).stream()
                    .filter(button -> button.getText().equals("Charts")).findFirst().orElseThrow();
            app.robot().clickOn(charts);
            @SuppressWarnings("unchecked")
            BarChart<String, Number> themes = app.visible(".chart-pane .bar-chart", BarChart.class);
            app.await(() -> themes.getData().size() == 2 && !themes.getData().get(0).getData().isEmpty());
            Map<String, int[]> shown = new HashMap<>();
            for (int series = 0; series < 2; series++) {
                for (XYChart.Data<String, Number> bar : themes.getData().get(series).getData()) {
                    shown.computeIfAbsent(bar.getXValue(), label -> new int[2])[series] = bar.getYValue().intValue();
                }
            }
            assertThat(shown).containsOnlyKeys(expectedByTheme.keySet());
            expectedByTheme.forEach((label, counts) -> assertThat(shown.get(label)).as(label).containsExactly(counts));

            @SuppressWarnings("unchecked")
            StackedBarChart<String, Number> targets = app.robot().lookup(".chart-pane .stacked-bar-chart")
                    .queryAs(StackedBarChart.class);
            XYChart.Series<String, Number> underStudy = targets.getData().stream()
                    .filter(series -> series.getName().equals("Under study")).findFirst().orElseThrow();
            for (XYChart.Data<String, Number> bar : underStudy.getData()) {
                assertThat(bar.getYValue().intValue()).as(bar.getXValue())
                        .isEqualTo(underStudyByTarget.get(bar.getXValue()));
            }
            assertThat(underStudy.getData()).extracting(XYChart.Data::getXValue).containsExactly("DGI", "MTNRA");

            // The two rated ideas: high impact, medium and large effort.
            assertThat(app.robot().lookup("#matrix-high-m").queryAs(Label.class).getText()).isEqualTo("1");
            assertThat(app.robot().lookup("#matrix-high-l").queryAs(Label.class).getText()).isEqualTo("1");
            assertThat(app.robot().lookup("#matrix-low-s").queryAs(Label.class).getText()).isEqualTo("0");

            // Saved as PNG, as drawn: the picture's size is the chart's, and it is not blank.
            Path png = folder.resolve("themes.png");
            java.awt.image.BufferedImage[] drawn = new java.awt.image.BufferedImage[1];
            app.robot().interact(() -> drawn[0] = ma.etamkeen.rihla.ui.charts.ChartsController.picture(
                    themes.snapshot(null, null)));
            ma.etamkeen.rihla.service.Pictures.writePng(drawn[0], png);
            java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(png.toFile());
            assertThat(read.getWidth()).isEqualTo((int) Math.ceil(themes.getWidth()));
            assertThat(read.getHeight()).isEqualTo((int) Math.ceil(themes.getHeight()));
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int x = 0; x < read.getWidth(); x += 7) {
                colours.add(read.getRGB(x, read.getHeight() / 2));
            }
            assertThat(colours).as("bars, grid and background").hasSizeGreaterThan(2);
        }
    }
}
