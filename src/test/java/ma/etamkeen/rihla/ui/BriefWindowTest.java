package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;

import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.RadioButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.brief.BriefPages;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;

/** The brief preview in the real window: the page it shows is the PDF's page, whole, and fits A4. */
class BriefWindowTest {
    @TempDir
    Path folder;
    private Image previewed;

    @Test
    void ctrlPShowsTheWholePageAsThePdfHasItAndTheOptionsAreKept() throws Exception {
        DemoData.fill(folder);
        try (AppRunner app = AppRunner.start(folder, "fr")) {
            app.clickSite("easy.brussels");
            app.robot().press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
            app.awaitDialog();
            ImageView page = app.robot().lookup(".brief-page").queryAs(ImageView.class);
            app.await(() -> page.getImage() != null);
            Image image = page.getImage();
            previewed = image;
            assertThat(image.getHeight() / image.getWidth()).isCloseTo(297.0 / 210.0, within(0.01));  // A4
            // Everything is on the page, inside its margins: nothing cut at the bottom.
            int[] ink = inkRows(image);
            double margin = 40 * 110 / 72.0;
            assertThat(ink[0]).isGreaterThan((int) (margin * 0.8));
            assertThat(ink[1]).isLessThan((int) (image.getHeight() - margin * 0.8));
            // The whole page is in view.
            assertThat(page.getBoundsInParent().getHeight()).isLessThanOrEqualTo(page.getParent().getLayoutBounds().getHeight());

            RadioButton english = app.robot().lookup(".brief-options .radio-button").nth(2).queryAs(RadioButton.class);
            app.robot().clickOn(english);
            app.await(() -> page.getImage() != image && page.getImage() != null);
            app.robot().interact(() -> app.otherWindows().forEach(window -> ((javafx.stage.Stage) window).close()));

            app.robot().press(KeyCode.CONTROL).press(KeyCode.P).release(KeyCode.P).release(KeyCode.CONTROL);
            app.awaitDialog();
            RadioButton englishAgain = app.robot().lookup(".brief-options .radio-button").nth(2).queryAs(RadioButton.class);
            app.await(englishAgain::isSelected);
        }
        // The preview is the PDF's page: the same brief written as a PDF and drawn gives the same pixels.
        try (Workspace workspace = Workspace.open(folder)) {
            var site = workspace.briefs().site("easy-brussels");
            byte[] pdf = workspace.briefs().render(site.id(), BriefOptions.all(Language.FR)).pdf();
            assertThat(sameAs(previewed, BriefPages.draw(pdf, 110))).isTrue();
        }
    }

    @Test
    void printingWithoutAPrinterOffersThePdfInstead() throws Exception {
        try (AppRunner app = AppRunner.start(folder, "ar")) {
            app.clickSite("مختبر NIDO");
            app.menu("_بطاقة موجزة…");
            app.awaitDialog();
            Button print = app.robot().lookup(".brief-options .button").queryAllAs(Button.class).stream()
                    .filter(button -> button.getText().equals("طباعة…")).findFirst().orElseThrow();
            app.await(() -> !print.isDisabled());
            javafx.application.Platform.runLater(print::fire);  // the offer waits for an answer
            app.await(() -> app.otherWindows().size() > 1);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(app.robot().lookup(".dialog-pane").queryAllAs(DialogPane.class)).anySatisfy(pane ->
                    assertThat(pane.getContentText()).startsWith("لا توجد أي طابعة مثبتة على هذا الحاسوب"));
        }
    }

    private static boolean sameAs(Image image, java.awt.image.BufferedImage drawn) {
        if (image.getWidth() != drawn.getWidth() || image.getHeight() != drawn.getHeight()) {
            return false;
        }
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < drawn.getHeight(); y += 7) {
            for (int x = 0; x < drawn.getWidth(); x += 3) {
                if (pixels.getArgb(x, y) != drawn.getRGB(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The first and last rows of the page with anything on them. */
    private static int[] inkRows(Image image) {
        PixelReader pixels = image.getPixelReader();
        int first = -1;
        int last = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((pixels.getArgb(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    if (first < 0) {
                        first = y;
                    }
                    last = y;
                    break;
                }
            }
        }
        return new int[] {first, last};
    }
}
