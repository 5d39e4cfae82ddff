package ma.etamkeen.rihla.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The baseline of the start-up benchmark: the smallest JavaFX window, launched and timed like Rihla. */
public final class BareWindow {
    public static final String READY_LINE = "bare: window shown";

    private BareWindow() {
    }

    /** Like Rihla's Main, this class is not the Application, so JavaFX runs from the class path. */
    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("Hello")), 1200, 780));
            stage.show();
            Platform.runLater(() -> {
                System.out.println(READY_LINE);
                Platform.exit();
            });
        }
    }
}
