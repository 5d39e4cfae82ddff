package ma.etamkeen.rihla.ui.common;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.Limits;

/**
 * Builds the app's dialogs: right-to-left in Arabic, owned by the main window, with buttons in the UI
 * language (JavaFX has no Arabic for its own OK and Cancel). Esc closes them.
 */
public final class Dialogs {
    private static final Logger LOG = Logger.getLogger(Dialogs.class.getName());
    private final UiLanguage language;
    private Window owner;
    /** The error sentences on screen now (JavaFX thread only). */
    private final java.util.Set<String> errorsShown = new java.util.HashSet<>();

    /** Creates something from a title; {@code refused} shows why not, {@code done} closes the dialog. */
    @FunctionalInterface
    public interface TitleAction {
        void apply(String title, Consumer<String> refused, Runnable done);
    }

    public Dialogs(UiLanguage language) {
        this.language = language;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public ButtonType ok() {
        return new ButtonType(language.messages().get("dialog.ok"), ButtonBar.ButtonData.OK_DONE);
    }

    public ButtonType cancel() {
        return new ButtonType(language.messages().get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
    }

    /**
     * Prepares any dialog the app shows: owner, direction, stylesheet. Before the window shows (a data folder
     * that cannot be opened), the dialog stands on its own, with the window's icon and stylesheet.
     */
    public <D extends Dialog<?>> D prepare(D dialog, String title) {
        if (owner != null && dialog.getOwner() == null) {
            if (owner.isShowing()) {
                dialog.initOwner(owner);
            } else if (owner instanceof Stage window && dialog.getDialogPane().getScene().getWindow() instanceof Stage own) {
                own.getIcons().setAll(window.getIcons());
            }
            if (owner.getScene() != null) {
                dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            }
        }
        dialog.setTitle(title);
        language.orient(dialog.getDialogPane());
        return dialog;
    }

    public Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert alert = prepare(new Alert(type, text, buttons.length == 0 ? new ButtonType[] {ok()} : buttons), title);
        alert.setHeaderText(title);
        alert.getDialogPane().setMinWidth(440);
        return alert;
    }

    /** Asks before doing something that cannot be undone; true when the user confirms. */
    public boolean confirm(String title, String text, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = cancel();
        Alert alert = alert(Alert.AlertType.CONFIRMATION, title, text, yes, no);
        ((Button) alert.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        return alert.showAndWait().filter(yes::equals).isPresent();
    }

    /**
     * Tells the user what went wrong, in their language, and waits for them to read it. The same sentence is not
     * stacked while it is on screen (a store that cannot be read fails every read: the lists, each keystroke of a
     * search); it is only logged again.
     */
    public void showError(Throwable failure) {
        LOG.log(Level.WARNING, "Shown to the user", failure);
        Messages messages = language.messages();
        String sentence = WindowContext.describe(failure, messages);
        if (errorsShown.add(sentence)) {
            try {
                alert(Alert.AlertType.ERROR, messages.get("error.title"), sentence).showAndWait();
            } finally {
                errorsShown.remove(sentence);
            }
        }
    }

    /**
     * Asks for a title and creates something with it; the dialog stays open, with the reason, while the
     * title is refused. {@code created} runs once it is created and the dialog closed.
     */
    public void askTitle(String heading, String fieldLabel, TitleAction create, Runnable created) {
        Messages messages = language.messages();
        Dialog<ButtonType> dialog = prepare(new Dialog<>(), heading);
        ButtonType createButton = new ButtonType(messages.get("dialog.create"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(createButton, cancel());
        TextField field = new TextField();
        field.setPrefColumnCount(36);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        TextInputs.userText(field, Limits.TITLE_CHARS, messages, problem::setText);
        Label label = new Label(fieldLabel);
        label.setLabelFor(field);
        dialog.getDialogPane().setContent(new VBox(6, label, field, problem));
        dialog.setHeaderText(heading);
        Node ok = dialog.getDialogPane().lookupButton(createButton);
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            problem.setText("");
            create.apply(field.getText(), reason -> {
                problem.setText(reason);
                field.requestFocus();  // ready to type the title the message asks for
            }, () -> {
                dialog.setResult(createButton);
                dialog.close();
                created.run();
            });
        });
        Platform.runLater(field::requestFocus);
        dialog.show();
    }

    /**
     * Shows a form (an editor of a site, a visit, the themes) with Save and Cancel. Save keeps the dialog open
     * while the form refuses, with the reason in its problem label; Cancel, Esc or the window's close button
     * ask first when the form would lose something. Returns the dialog, shown.
     */
    public Dialog<ButtonType> showEditor(Form form) {
        Messages messages = language.messages();
        Dialog<ButtonType> dialog = prepare(new Dialog<>(), form.title());
        ButtonType saveButton = new ButtonType(messages.get("dialog.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, cancel());
        dialog.getDialogPane().setContent(form.root());
        dialog.getDialogPane().getStyleClass().add("view-dialog");
        dialog.setResizable(true);
        boolean[] saved = {false};
        dialog.getDialogPane().lookupButton(saveButton).addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            form.problem().setText("");
            form.save(form.problem()::setText, () -> {
                saved[0] = true;
                dialog.setResult(saveButton);
                dialog.close();
            });
        });
        dialog.setOnCloseRequest(event -> {
            if (!saved[0] && form.isDirty() && !confirm(messages.get("editor.discard.title"),
                    messages.get("editor.discard.text"), messages.get("editor.discard.yes"))) {
                event.consume();
            }
        });
        dialog.show();
        return dialog;
    }

    /** Shows a dialog around {@code content} with one close button; returns it for tests and callers. */
    public Dialog<ButtonType> showContent(String title, Node content) {
        Dialog<ButtonType> dialog = prepare(new Dialog<>(), title);
        ButtonType close = new ButtonType(language.messages().get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(close);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStyleClass().add("view-dialog");  // as wide as its view: see rihla.css
        dialog.setResizable(true);
        dialog.show();
        return dialog;
    }

    /** Runs {@code action} when the window that ends up holding {@code node} is closed (e.g. to stop its work). */
    public static void whenClosed(Node node, Runnable action) {
        javafx.event.EventHandler<javafx.stage.WindowEvent> onHidden = event -> action.run();
        java.util.function.Consumer<Window> watch = window -> {
            if (window != null) {
                window.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, onHidden);
            }
        };
        java.util.function.Consumer<javafx.scene.Scene> watchScene = scene -> {
            if (scene != null) {
                watch.accept(scene.getWindow());  // a dialog's scene has its window from the start
                scene.windowProperty().addListener((o, was, window) -> watch.accept(window));
            }
        };
        watchScene.accept(node.getScene());
        node.sceneProperty().addListener((obs, old, scene) -> watchScene.accept(scene));
    }

    public Optional<Window> owner() {
        return Optional.ofNullable(owner);
    }
}
