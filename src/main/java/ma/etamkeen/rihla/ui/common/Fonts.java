package ma.etamkeen.rihla.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import javafx.scene.text.Font;

/**
 * Registers the bundled "Rihla Sans" font (Noto Sans + Noto Sans Arabic in one file), so Arabic looks
 * the same on every laptop and mixed Arabic/Latin lines keep their right-to-left order (JavaFX misorders
 * a line whose glyphs come from two fonts). The stylesheet uses it for the whole UI.
 */
public final class Fonts {
    public static final String FAMILY = "Rihla Sans";
    private static final String[] FILES = {"RihlaSans-Regular.ttf", "RihlaSans-Bold.ttf"};

    private Fonts() {
    }

    public static void load() {
        for (String file : FILES) {
            try (InputStream in = Fonts.class.getResourceAsStream("/ma/etamkeen/rihla/fonts/" + file)) {
                if (in == null || Font.loadFont(in, 13) == null) {
                    throw new IllegalStateException("Cannot load the bundled font " + file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
