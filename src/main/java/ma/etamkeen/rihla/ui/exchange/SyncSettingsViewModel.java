package ma.etamkeen.rihla.ui.exchange;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * File ▸ Sync settings: no hub, a folder, or a PostgreSQL server (host, port 5432, database, user, password,
 * TLS on), and whether to sync by itself. Saved together; a wrong address is refused in words, nothing saved.
 */
public final class SyncSettingsViewModel {
    /** Where the laptop syncs. */
    public enum Mode { NONE, FOLDER, SERVER }

    private final WindowContext context;
    private final SyncViewModel sync;
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.NONE);
    private final StringProperty folder = new SimpleStringProperty(this, "folder", "");
    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", String.valueOf(HubAddress.DEFAULT_PORT));
    private final StringProperty database = new SimpleStringProperty(this, "database", "rihla");
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty tls = new SimpleBooleanProperty(this, "tls", true);
    private final BooleanProperty automatic = new SimpleBooleanProperty(this, "automatic", true);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    public SyncSettingsViewModel(WindowContext context, SyncViewModel sync) {
        this.context = context;
        this.sync = sync;
    }

    /** The settings as the store keeps them. */
    private record Kept(java.util.Optional<HubAddress> hub, boolean automatic) {
    }

    /** Reads the settings kept, off the JavaFX thread. */
    public void load() {
        context.background().read(workspace -> new Kept(workspace.sync().hub(), workspace.sync().automatic()), kept -> {
            automatic.set(kept.automatic());
            kept.hub().ifPresent(address -> {
                if (address.isFolder()) {
                    mode.set(Mode.FOLDER);
                    folder.set(address.folder().toString());
                } else {
                    mode.set(Mode.SERVER);
                    host.set(address.host());
                    port.set(String.valueOf(address.port()));
                    database.set(address.database());
                    user.set(address.user());
                    password.set(address.password() == null ? "" : address.password());
                    tls.set(!address.sslMode().equals("disable"));
                }
            });
        }, failure -> message.set(context.describe(failure)));
    }

    /**
     * The hub as the fields say, or null for none.
     *
     * @throws RejectedInput {@code sync.bad-address}
     */
    HubAddress address() {
        return switch (mode.get()) {
            case NONE -> null;
            case FOLDER -> HubAddress.parse(folder.get());
            case SERVER -> {
                int number;
                try {
                    number = Integer.parseInt(port.get().strip());
                } catch (NumberFormatException e) {
                    throw new RejectedInput("sync.bad-address", port.get());
                }
                if (host.get().isBlank() || database.get().isBlank() || user.get().isBlank() || number < 1 || number > 65535) {
                    throw new RejectedInput("sync.bad-address", "postgresql://" + user.get() + "@" + host.get() + ":"
                            + port.get() + "/" + database.get());
                }
                yield HubAddress.server(host.get().strip(), number, database.get().strip(), user.get().strip(),
                        password.get().isEmpty() ? null : password.get(), tls.get());
            }
        };
    }

    /** Saves the settings; {@code then} runs on the JavaFX thread once they are kept. */
    public void save(Runnable then) {
        HubAddress address;
        try {
            address = address();
        } catch (RejectedInput e) {
            message.set(context.describe(e));
            return;
        }
        boolean auto = automatic.get();
        context.background().write(workspace -> {
            workspace.sync().setHub(address);
            workspace.sync().setAutomatic(auto);
            return null;
        }, done -> {
            message.set("");
            sync.load();
            then.run();
        }, failure -> message.set(context.describe(failure)));
    }

    /** Saves, then syncs at once (the status bar says how it went). */
    public void saveAndSync(Runnable then) {
        save(() -> {
            sync.syncNow();
            then.run();
        });
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    public StringProperty folderProperty() {
        return folder;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty tlsProperty() {
        return tls;
    }

    public BooleanProperty automaticProperty() {
        return automatic;
    }

    /** Why the settings were not saved, in the user's language; empty when they were. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    WindowContext context() {
        return context;
    }
}
