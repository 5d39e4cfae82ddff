package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.ui.common.Fonts;
import ma.etamkeen.rihla.ui.common.PangoWrapFix;

/** A wrapped Arabic paragraph stays inside its width (JavaFX on Linux draws it past the edge unpatched). */
class ArabicWrappingTest {
    private static final String SUMMARY = "سلطة الميناء الموحّد لأنتويرب وزيبروج، الذي اندمج سنة 2022. اطّلع الوفد "
            + "على رقمنة السلسلة اللوجستية: توأم رقمي للميناء في الزمن الحقيقي ومنصة لتقاسم المعطيات بين فاعلي النقل.";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        WaitForAsyncUtils.asyncFx(() -> {
            Fonts.load();
            PangoWrapFix.install();
        }).get();
    }

    @Test
    void aWrappedArabicParagraphFitsItsWidth() throws Exception {
        AtomicReference<Double> width = new AtomicReference<>();
        AtomicReference<Double> height = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> {
            Text text = new Text(SUMMARY);
            text.setFont(Font.font(Fonts.FAMILY, 14));
            text.setWrappingWidth(250);
            text.setNodeOrientation(NodeOrientation.RIGHT_TO_LEFT);
            new Scene(new StackPane(text));
            text.applyCss();
            // Visual bounds: unpatched, the first line reaches hundreds of pixels past the wrapping width.
            width.set(text.getBoundsInLocal().getWidth());
            height.set(text.getLayoutBounds().getHeight());
        }).get();
        // Every line fits (a few pixels of tolerance for final letter forms), and the text did wrap.
        assertThat(width.get()).isLessThanOrEqualTo(260.0);
        assertThat(height.get()).isGreaterThan(3 * 14.0);
    }
}
