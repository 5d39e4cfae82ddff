package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.PracticeFilter;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel;

/**
 * The knowledge base in the real window, in Arabic: a second visit created and shown, a site added to it with a
 * note and a lesson learned, both there after a restart; back to the Belgian visit, a "to be confirmed" city
 * confirmed; the practices of all visits in one table.
 */
class KnowledgeBaseWindowTest {
    private static final Messages AR = Messages.of(Language.AR);

    @TempDir
    Path folder;

    private static void type(AppRunner app, String id, String text) {
        app.robot().interact(() -> app.robot().lookup("#" + id).queryAs(TextInputControl.class).setText(text));
    }

    private static void save(AppRunner app) throws Exception {
        int windows = app.otherWindows().size();
        app.robot().clickOn(app.robot().lookup((Button button) -> AR.get("dialog.save").equals(button.getText()))
                .queryAs(Button.class));
        app.await(() -> app.otherWindows().size() < windows);  // saved: the form closed
    }

    private static List<Button> confirmButtons(AppRunner app) {
        return app.robot().lookup(".confirm-button").queryAllAs(Button.class).stream()
                .filter(KnowledgeBaseWindowTest::shown).toList();
    }

    /** Shown on screen: it and every node above it visible (a hidden pane keeps its buttons). */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<Visit> chooser(AppRunner app) {
        return app.robot().lookup(".visit-chooser").queryAs(ComboBox.class);
    }

    @Test
    void aSecondVisitWithANewSiteAndItsNoteSurvivesARestartAndAFieldIsConfirmedInArabic() throws Exception {
        DemoData.fill(folder);  // lessons learned on Belgian sites
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            assertThat(chooser(app).isVisible()).as("one visit: its title, no chooser").isFalse();

            app.menu(AR.get("menu.edit.new-visit"));
            app.awaitDialog();
            type(app, "title_ar", "زيارة دراسية إلى إستونيا");
            type(app, "title_fr", "Visite d'étude en Estonie");
            type(app, "country_ar", "إستونيا");
            save(app);
            app.await(() -> chooser(app).isVisible() && chooser(app).getValue() != null
                    && chooser(app).getValue().code().equals("visite-d-etude-en-estonie"));
            assertThat(app.siteList().getItems()).as("the new visit has no site yet").isEmpty();

            app.menu(AR.get("menu.edit.new-site"));
            app.awaitDialog();
            type(app, "name_ar", "مركز التعريف بإستونيا الرقمية");
            type(app, "name_fr", "Centre e-Estonia");
            type(app, "city_ar", "تالين");
            type(app, "city_fr", "Tallinn");
            assertThat(app.robot().lookup("#slug").queryAs(TextInputControl.class).getText())
                    .as("the short name follows the French name").isEqualTo("centre-e-estonia");
            save(app);
            app.await(() -> app.robot().lookup(".site-title").tryQueryAs(Label.class)
                    .map(title -> title.getText().equals("مركز التعريف بإستونيا الرقمية")).orElse(false));

            app.openTab(1);
            app.await(() -> app.robot().lookup((Button button) -> AR.get("notes.new").equals(button.getText())
                    && button.isVisible()).tryQuery().isPresent());  // the tab's view loads when first opened
            app.robot().interact(() -> app.robot().lookup((Button button) -> AR.get("notes.new").equals(button.getText())
                    && button.isVisible()).queryAs(Button.class).fire());
            WaitForAsyncUtils.waitForFxEvents();
            app.robot().interact(() -> app.visible(".entries-pane TextArea", javafx.scene.control.TextArea.class)
                    .setText("بوابة واحدة لكل الخدمات، وهوية رقمية لكل مواطن."));

            app.openTab(2);
            app.robot().clickOn(AR.get("lessons.new"));
            app.awaitDialog();
            app.robot().interact(() -> app.robot().lookup(".dialog-pane .text-field").queryAs(TextInputControl.class)
                    .setText("الهوية الرقمية أساس كل خدمة"));
            app.robot().clickOn(AR.get("dialog.create"));
            app.await(() -> app.showsText(AR.format("site.tab.lessons", 1)));
        }  // closed at once: the note is saved on the way out

        try (AppRunner app = AppRunner.start(folder, "ar")) {
            assertThat(chooser(app).getValue().code()).as("the visit shown last").isEqualTo("visite-d-etude-en-estonie");
            app.clickSite("مركز التعريف بإستونيا الرقمية");
            app.openTab(1);
            app.await(() -> app.showsText(AR.format("site.tab.notes", 1)));

            app.robot().interact(() -> chooser(app).setValue(chooser(app).getItems().stream()
                    .filter(visit -> visit.code().equals("belgium-2022")).findFirst().orElseThrow()));
            app.await(() -> app.siteList().getItems().size() > 15);
            app.clickSite("الوكالة الرقمية");
            app.openTab(0);
            app.await(() -> confirmButtons(app).size() == 4);  // name, level, city, and a fact
            List<Button> confirms = confirmButtons(app);
            app.robot().clickOn(confirms.get(2));  // the city row's: the third field marked on this site
            app.await(() -> confirmButtons(app).size() == 3);

            app.robot().interact(() -> app.robot().lookup(".page-button").nth(1).queryAs(ToggleButton.class).fire());
            @SuppressWarnings("unchecked")
            TableView<ma.etamkeen.rihla.service.PracticeLabels.Row> table = app.robot().lookup(".practices-table").queryAs(TableView.class);
            app.await(() -> !table.getItems().isEmpty());
            assertThat(app.showsText(AR.get("practices.facet.visit"))).isTrue();
            assertThat(table.getItems()).as("all visits: the practices of both").extracting(ma.etamkeen.rihla.service.PracticeLabels.Row::site)
                    .contains("مركز التعريف بإستونيا الرقمية", "وكالة التبسيط الإداري (ASA)");
        }

        try (Workspace workspace = Workspace.open(folder)) {
            Visit estonia = workspace.catalog().visit("visite-d-etude-en-estonie").orElseThrow();
            Site centre = workspace.catalog().site("centre-e-estonia").orElseThrow();
            assertThat(centre.visitId()).isEqualTo(estonia.id());
            assertThat(centre.city().ar()).isEqualTo("تالين");
            assertThat(workspace.notes().forSite(centre.id())).extracting(Note::body)
                    .containsExactly("بوابة واحدة لكل الخدمات، وهوية رقمية لكل مواطن.");
            Site agency = workspace.catalog().site("digital-agency").orElseThrow();
            assertThat(agency.toConfirm()).containsExactlyInAnyOrder(Site.Field.NAME, Site.Field.LEVEL);
            assertThat(agency.confirmations()).containsKey(Site.Field.CITY);
            assertThat(workspace.practices().filter(PracticeFilter.none()).counts().get(PracticeFilter.Facet.VISIT))
                    .containsKeys(estonia.id().toString(),
                            workspace.catalog().visit("belgium-2022").orElseThrow().id().toString());
        }
    }
}
