package ma.etamkeen.rihla.ui.common;

import java.awt.image.BufferedImage;

import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/** Pictures drawn outside JavaFX (a brief's page), for JavaFX to show. */
public final class Images {
    private Images() {
    }

    public static Image toFx(BufferedImage picture) {
        int width = picture.getWidth();
        int height = picture.getHeight();
        int[] argb = picture.getRGB(0, 0, width, height, null, 0, width);
        WritableImage image = new WritableImage(width, height);
        image.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        return image;
    }
}
