package ma.etamkeen.rihla.ui.main;

import javafx.scene.Parent;

import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.ui.common.Form;

/** The views the main window opens in dialogs, built by the wiring root with their own view models. */
public interface WindowViews {
    Parent trash();

    Parent people();

    /** {@code onRestored} runs after a backup was restored. */
    Parent backups(Runnable onRestored);

    Parent settings();

    /** The brief of {@code site}: preview, print, PDF. */
    Parent brief(Site site);

    /** Writing every site's brief into {@code folder}, started at once. */
    Parent allBriefs(java.nio.file.Path folder);

    /** Choosing what to export for colleagues, and writing the package. */
    Parent export();

    /** The sync settings: no hub, a folder, or a PostgreSQL server. */
    Parent syncSettings();

    /** The sync conflicts waiting, each settled side by side. */
    Parent syncConflicts();

    /** The preview of importing {@code file}, read at once; Import in it applies the package. */
    Parent importPreview(java.nio.file.Path file);

    /**
     * The form of {@code site}, or of a new site of the visit {@code visitId} when {@code site} is null;
     * {@code onSaved} gets the site as stored.
     */
    Form siteEditor(Site site, java.util.UUID visitId, java.util.function.Consumer<Site> onSaved);

    /** The form of {@code visit}, or of a new visit when it is null; {@code onSaved} gets the visit as stored. */
    Form visitEditor(Visit visit, java.util.function.Consumer<Visit> onSaved);

    /** The form of every theme: rename, hide, add. */
    Form themesEditor();
}
