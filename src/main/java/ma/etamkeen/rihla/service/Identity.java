package ma.etamkeen.rihla.service;

import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.PeopleRepository;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.store.Stamp;

/**
 * Who is writing on this laptop: the delegate chosen as "me" (the default author of new entries), and the
 * name put in {@code updated_by} — that delegate's name, or this laptop's label until one is chosen.
 */
public final class Identity {
    static final String ME = "identity.delegate";
    static final String LAPTOP = "identity.laptop";

    private final Database database;
    private final SettingsRepository settings = new SettingsRepository();
    private final PeopleRepository people = new PeopleRepository();

    Identity(Database database) {
        this.database = database;
    }

    /** The delegate using this laptop, if chosen. */
    public Optional<Delegate> me() {
        return database.read(tx -> {
            Optional<String> id = settings.get(tx, ME);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            UUID wanted = UUID.fromString(id.get());
            return people.delegates(tx).stream().filter(delegate -> delegate.id().equals(wanted)).findFirst();
        });
    }

    public void setMe(UUID delegateId) {
        database.write(tx -> {
            settings.put(tx, ME, delegateId == null ? null : delegateId.toString());
            return null;
        });
    }

    /** The audit stamp of a write made now on this laptop; take it before entering the write. */
    public Stamp stamp() {
        return Stamp.now(me().map(Delegate::name).orElseGet(this::laptopLabel));
    }

    private String laptopLabel() {
        return database.write(tx -> {
            Optional<String> label = settings.get(tx, LAPTOP);
            if (label.isPresent()) {
                return label.get();
            }
            String created = "laptop-" + UUID.randomUUID().toString().substring(0, 8);
            settings.put(tx, LAPTOP, created);
            return created;
        });
    }
}
