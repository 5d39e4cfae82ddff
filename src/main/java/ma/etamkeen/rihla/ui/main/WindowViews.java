package ma.etamkeen.rihla.ui.main;

import javafx.scene.Parent;

/** The views the main window opens in dialogs, built by the wiring root with their own view models. */
public interface WindowViews {
    Parent trash();

    Parent people();

    /** {@code onRestored} runs after a backup was restored. */
    Parent backups(Runnable onRestored);

    Parent settings();

    /** The brief of {@code site}: preview, print, PDF. */
    Parent brief(ma.etamkeen.rihla.model.Site site);

    /** Writing every site's brief into {@code folder}, started at once. */
    Parent allBriefs(java.nio.file.Path folder);

    /** Choosing what to export for colleagues, and writing the package. */
    Parent export();

    /** The preview of importing {@code file}, read at once; Import in it applies the package. */
    Parent importPreview(java.nio.file.Path file);
}
