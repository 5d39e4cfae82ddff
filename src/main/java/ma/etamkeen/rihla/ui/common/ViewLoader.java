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

    /** A loaded view and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    public Parent load(View view, Messages messages) {
        return loadWithController(view, messages).root();
    }

    public <C> Loaded<C> loadWithController(View view, Messages messages) {
        FXMLLoader loader = new FXMLLoader(view.url(), messages.bundle());
        loader.setControllerFactory(type -> {
            Supplier<?> factory = controllers.get(type);
            if (factory == null) {
                throw new IllegalStateException("No controller registered for " + type.getName());
            }
            return factory.get();
        });
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + view, e);
        }
    }

    /** {@code view}, loaded the first time it is needed rather than with the window (a faster first frame). */
    public <C> Lazy<C> lazy(View view, Supplier<Messages> messages) {
        return new Lazy<>(() -> loadWithController(view, messages.get()));
    }

    public static final class Lazy<C> {
        private final Supplier<Loaded<C>> load;
        private Loaded<C> loaded;

        private Lazy(Supplier<Loaded<C>> load) {
            this.load = load;
        }

        public boolean isLoaded() {
            return loaded != null;
        }

        public Parent root() {
            return get().root();
        }

        public C controller() {
            return get().controller();
        }

        private Loaded<C> get() {
            if (loaded == null) {
                loaded = load.get();
            }
            return loaded;
        }
    }
}
