package ma.etamkeen.rihla.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ma.etamkeen.rihla.store.AtomicFiles;

/** Pictures the user saves (a chart as drawn), as PNG files written whole or not at all. */
public final class Pictures {
    private Pictures() {
    }

    /**
     * Writes {@code picture} to {@code file} as PNG (ImageIO's writer).
     *
     * @throws RejectedInput {@code charts.not-saved} when the file cannot be written; it is then as it was
     */
    public static void writePng(BufferedImage picture, Path file) {
        try {
            AtomicFiles.write(file, out -> ImageIO.write(picture, "png", out));
        } catch (IOException e) {
            throw new RejectedInput("charts.not-saved", file, String.valueOf(e.getMessage()));
        }
    }
}
