package ma.etamkeen.rihla.ui.common;

import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Label;

/** An editor shown in a dialog with Save and Cancel ({@link Dialogs#showEditor}): a site, a visit, the themes. */
public interface Form {
    /** The dialog's title, in the user's language. */
    String title();

    /** The form itself, loaded from its FXML. */
    Node root();

    /** Where the form says why Save was refused. */
    Label problem();

    /** Saves what the form says: {@code saved} once it is stored, {@code refused} with the reason otherwise. */
    void save(Consumer<String> refused, Runnable saved);

    /** Whether closing now would lose something typed. */
    boolean isDirty();
}
