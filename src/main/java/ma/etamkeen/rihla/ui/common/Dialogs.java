package ma.etamkeen.rihla.ui.common;

import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.Failures;

/** Builds dialogs that follow the UI language: right-to-left in Arabic, owned by the main window. */
public final class Dialogs {
    private static final Logger LOG = Logger.getLogger(Dialogs.class.getName());
    private final UiLanguage language;
    private Window owner;

    public Dialogs(UiLanguage language) {
        this.language = language;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert alert = new Alert(type, text, buttons);
        if (owner != null && owner.isShowing()) {
            alert.initOwner(owner);
        }
        alert.setTitle(title);
        alert.setHeaderText(title);
        language.orient(alert.getDialogPane());
        alert.getDialogPane().setMinWidth(420);
        return alert;
    }

    /** Tells the user what went wrong, in their language, and waits for them to read it. */
    public void showError(Throwable failure) {
        LOG.log(Level.WARNING, "Shown to the user", failure);
        Messages messages = language.messages();
        alert(Alert.AlertType.ERROR, messages.get("error.title"),
                Failures.describe(failure, messages, TextDirection::leftToRight), ButtonType.OK)
                .showAndWait();
    }
}
