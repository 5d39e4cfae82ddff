package ma.etamkeen.rihla.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

import ma.etamkeen.rihla.i18n.Messages;

/**
 * Loads FXML views with the message bundle of the UI language and controllers built by the wiring root,
 * including those of {@code fx:include}d views.
 */
public final class ViewLoader {
    private final Map<Class<?>, Supplier<?>> controllers = new HashMap<>();

    public <C> ViewLoader controller(Class<C> type, Supplier<? extends C> factory) {
        controllers.put(type, factory);
        return this;
    }

    public Parent load(View view, Messages messages) {
        FXMLLoader loader = new FXMLLoader(view.url(), messages.bundle());
        loader.setControllerFactory(type -> {
            Supplier<?> factory = controllers.get(type);
            if (factory == null) {
                throw new IllegalStateException("No controller registered for " + type.getName());
            }
            return factory.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + view, e);
        }
    }
}
