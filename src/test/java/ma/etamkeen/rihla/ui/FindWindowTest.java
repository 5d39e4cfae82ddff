package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel.FacetValue;
import ma.etamkeen.rihla.ui.search.SearchViewModel;

/** The practices page and the search field in the real window (real FXML, real H2 file). */
class FindWindowTest {
    @TempDir
    Path folder;

    @Test
    void theSimplificationThemeShowsTheAsaEwbsAndEasyBrusselsPracticesWithMatchingCounts() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "en")) {
            app.robot().clickOn(pageButton(app, "Practices"));
            TableView<ma.etamkeen.rihla.service.PracticeLabels.Row> table = app.visible(".practices-table", TableView.class);
            app.await(() -> table.getItems().size() == 6);

            CheckBox simplification = facetBox(app, Facet.THEME, "simplification");
            assertThat(simplification.getText()).isEqualTo("Administrative simplification (4)");
            app.robot().clickOn(simplification);
            app.await(() -> table.getItems().size() == 4);
            Set<String> sites = table.getItems().stream().map(ma.etamkeen.rihla.service.PracticeLabels.Row::site).collect(Collectors.toSet());
            assertThat(sites).containsExactlyInAnyOrder("Agency for Administrative Simplification (ASA)",
                    "e-Wallonia-Brussels Simplification (eWBS)", "easy.brussels");
            assertThat(app.robot().lookup(".pane-count").queryAllAs(Label.class))
                    .anySatisfy(count -> assertThat(count.getText()).isEqualTo("4 of 6"));
            // Each site's count is the number of its rows; a site with none stays, dimmed.
            for (String site : sites) {
                long rows = table.getItems().stream().filter(row -> row.site().equals(site)).count();
                assertThat(facetBoxes(app, Facet.SITE)).filteredOn(box -> box.getText().startsWith(site + " ("))
                        .singleElement().satisfies(box -> assertThat(box.getText()).endsWith("(" + rows + ")"));
            }
            assertThat(facetBoxes(app, Facet.SITE)).filteredOn(box -> box.getText().startsWith("BeCode"))
                    .singleElement().satisfies(box -> {
                        assertThat(box.getText()).endsWith("(0)");
                        assertThat(box.getStyleClass()).contains("facet-empty");
                    });

            // The chip takes the filter away again.
            Button chip = app.visible(".filter-chip", Button.class);
            assertThat(chip.getText()).isEqualTo("Administrative simplification");
            app.robot().clickOn(chip);
            app.await(() -> table.getItems().size() == 6);

            // A double click on a row opens it in its site.
            app.robot().interact(() -> table.getSortOrder().setAll(table.getColumns().get(0)));
            int asa = indexOf(table, "Mesurer la charge administrative avant de simplifier");
            app.robot().interact(() -> table.scrollTo(asa));
            app.robot().doubleClickOn(app.robot().lookup(".table-row-cell").nth(asa).queryAs(Node.class));
            app.await(() -> app.visible(".site-title", Label.class).getText()
                    .equals("Agency for Administrative Simplification (ASA)"));
            TabPane tabs = app.visible(".site-tabs", TabPane.class);
            assertThat(tabs.getSelectionModel().getSelectedIndex()).isEqualTo(2);
            ListView<?> lessons = app.visible(".entries-list", ListView.class);
            app.await(() -> lessons.getSelectionModel().getSelectedItem() != null);
            assertThat(app.visible(".entry-title-field", TextField.class).getText())
                    .isEqualTo("Mesurer la charge administrative avant de simplifier");
        }
    }

    @Test
    void typingAntwerpInArabicFindsThePortAndEnterOpensIt() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            app.robot().press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
            TextField search = app.robot().lookup(".search-field").queryAs(TextField.class);
            assertThat(search.isFocused()).isTrue();
            // Focused and empty, the field still says what it is for (the theme hides a prompt on focus).
            Text prompt = app.robot().from(search).lookup((Text text) -> search.getPromptText().equals(text.getText()))
                    .queryAs(Text.class);
            assertThat(prompt.isVisible()).isTrue();
            assertThat(prompt.getFill()).isNotEqualTo(javafx.scene.paint.Color.TRANSPARENT);
            // Until the first answer (the index may still be opening) the results page says it is searching,
            // never that nothing was found: what it reads when it appears, and every text after that.
            ToggleButton resultsPage = app.robot().lookup(".page-button").queryAllAs(ToggleButton.class).stream()
                    .filter(button -> button.getText().startsWith("نتائج البحث")).findFirst().orElseThrow();
            List<String> pageTexts = new java.util.concurrent.CopyOnWriteArrayList<>();
            app.robot().interact(() -> {
                resultsPage.visibleProperty().addListener((obs, was, visible) -> pageTexts.add(resultsPage.getText()));
                resultsPage.textProperty().addListener((obs, old, now) -> pageTexts.add(now));
            });
            app.robot().interact(() -> search.setText("انتويرب"));
            ListView<SearchViewModel.Row> results = app.visible(".result-list", ListView.class);
            app.await(() -> results.getItems().stream().anyMatch(SearchViewModel.HitRow.class::isInstance));
            assertThat(pageTexts).first().isEqualTo("نتائج البحث (…)");
            assertThat(pageTexts).doesNotContain("نتائج البحث (0)").last().isEqualTo("نتائج البحث (1)");
            SearchViewModel.HitRow first = (SearchViewModel.HitRow) results.getItems().get(1);
            assertThat(first.hit().siteSlug()).isEqualTo("port-of-antwerp-bruges");
            assertThat(first.hit().title().text()).isEqualTo("ميناء أنتويرب");
            // The matched word is marked in the original spelling, with its hamza.
            List<String> marked = app.robot().from(results).lookup(".search-match").queryAllAs(Text.class).stream()
                    .map(Text::getText).toList();
            assertThat(marked).contains("أنتويرب");
            assertThat(pageButton(app, "نتائج البحث (1)").isSelected()).isTrue();

            app.robot().type(KeyCode.DOWN).type(KeyCode.ENTER);
            app.await(() -> app.visible(".site-title", Label.class).getText().equals("ميناء أنتويرب"));
            assertThat(pageButton(app, "المواقع").isSelected()).isTrue();
        }
    }

    @Test
    void theFilterAndTheSearchAreThereAgainAfterARestart() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            app.robot().clickOn(pageButton(app, "Pratiques"));
            app.robot().clickOn(facetBox(app, Facet.THEME, "data-once-only"));
            TextField search = app.robot().lookup(".search-field").queryAs(TextField.class);
            app.robot().interact(() -> search.setText("baromètre"));
            WaitForAsyncUtils.sleep(800, java.util.concurrent.TimeUnit.MILLISECONDS);  // remembered once typing stops
        }
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            TextField search = app.robot().lookup(".search-field").queryAs(TextField.class);
            assertThat(search.getText()).isEqualTo("baromètre");
            assertThat(pageButton(app, "Sites").isSelected()).isTrue();
            app.robot().clickOn(pageButton(app, "Pratiques"));
            TableView<ma.etamkeen.rihla.service.PracticeLabels.Row> table = app.visible(".practices-table", TableView.class);
            app.await(() -> table.getItems().size() == 2);
            assertThat(app.visible(".filter-chip", Button.class).getText())
                    .isEqualTo("Données, interopérabilité et « Once Only »");
        }
    }

    private static ToggleButton pageButton(AppRunner app, String text) {
        return app.robot().lookup(".page-button").queryAllAs(ToggleButton.class).stream()
                .filter(button -> text.equals(button.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("No page button " + text));
    }

    private static List<CheckBox> facetBoxes(AppRunner app, Facet facet) {
        return app.robot().lookup(".facet-values .check-box").queryAllAs(CheckBox.class).stream()
                .filter(box -> box.getUserData() instanceof FacetValue value && value.facet() == facet).toList();
    }

    private static CheckBox facetBox(AppRunner app, Facet facet, String key) {
        return facetBoxes(app, facet).stream().filter(box -> ((FacetValue) box.getUserData()).key().equals(key))
                .findFirst().orElseThrow();
    }

    private static int indexOf(TableView<ma.etamkeen.rihla.service.PracticeLabels.Row> table, String title) {
        for (int i = 0; i < table.getItems().size(); i++) {
            if (table.getItems().get(i).title().equals(title)) {
                return i;
            }
        }
        throw new AssertionError("No row " + title);
    }
}
