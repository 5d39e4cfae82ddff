package ma.etamkeen.rihla.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.image.WritableImage;

import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.Png;

/**
 * Saves PNG screenshots of the real window, for looking at. Run under a display (e.g. xvfb-run):
 * {@code Screenshots OUT_DIR LANG [SITE_NAME]}. Not part of the test suite.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String language = args[1];
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("rihla-shot");
        try (AppRunner app = AppRunner.start(data, language)) {
            app.robot().interact(() -> {
                app.stage().setWidth(1280);
                app.stage().setHeight(820);
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (args.length > 2) {
                app.clickSite(args[2]);
            }
            Thread.sleep(300);
            AtomicReference<WritableImage> image = new AtomicReference<>();
            app.robot().interact(() -> image.set(app.stage().getScene().snapshot(null)));
            Path file = out.resolve("main-" + language + ".png");
            Png.write(image.get(), file);
            System.out.println("wrote " + file);
        }
        System.exit(0);
    }
}
