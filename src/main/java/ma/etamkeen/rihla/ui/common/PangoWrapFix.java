package ma.etamkeen.rihla.ui.common;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.sun.javafx.font.FontStrike;
import com.sun.javafx.font.PGFont;
import com.sun.javafx.text.GlyphLayout;
import com.sun.javafx.text.TextRun;

/**
 * Works around a JavaFX bug on Linux (seen in 21.0.x up to 25.0.1): wrapped Arabic text is drawn with
 * every line running on to the end of the paragraph, in labels and text areas alike.
 *
 * <p>Cause: JavaFX's Pango glyph layout caches the UTF-8 text of each run. When a line break splits a run,
 * the shortened run is shaped again, but the cache hands back the text of the whole run, so the first
 * line gets the glyphs of the rest of the paragraph. The fix: shape each run with a fresh Pango layout,
 * whose cache is empty. Only the shared instance JavaFX hands out is replaced; nothing happens on
 * Windows or macOS, and if JavaFX's internals ever change (or are not opened to us when JavaFX is on the
 * module path) the app runs on, unpatched, with a warning.
 */
public final class PangoWrapFix {
    private static final Logger LOG = Logger.getLogger(PangoWrapFix.class.getName());
    private static final String PANGO_LAYOUT = "com.sun.javafx.font.freetype.PangoGlyphLayout";

    private PangoWrapFix() {
    }

    /** Installs the fix if JavaFX lays text out with Pango; returns whether it is in place. */
    public static synchronized boolean install() {
        try {
            Field shared = GlyphLayout.class.getDeclaredField("reusableGL");
            shared.setAccessible(true);
            Object current = shared.get(null);
            if (current instanceof FreshLayout) {
                return true;
            }
            if (current == null || !current.getClass().getName().equals(PANGO_LAYOUT)) {
                return false;
            }
            Constructor<?> constructor = current.getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            shared.set(null, new FreshLayout(constructor));
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "Could not install the fix for wrapped Arabic text; long Arabic lines may overlap", e);
            return false;
        }
    }

    /** Shapes every run with a new Pango layout, so no stale cached text is ever reused. */
    private static final class FreshLayout extends GlyphLayout {
        private final Constructor<?> pangoLayout;

        FreshLayout(Constructor<?> pangoLayout) {
            this.pangoLayout = pangoLayout;
        }

        @Override
        public void layout(TextRun run, PGFont font, FontStrike strike, char[] text) {
            GlyphLayout delegate;
            try {
                delegate = (GlyphLayout) pangoLayout.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a Pango glyph layout", e);
            }
            try {
                delegate.layout(run, font, strike, text);
            } finally {
                delegate.dispose();
            }
        }
    }
}
