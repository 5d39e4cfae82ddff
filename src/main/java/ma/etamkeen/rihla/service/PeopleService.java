package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.UUID;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.PeopleRepository;
import ma.etamkeen.rihla.store.Stamp;

/** The delegates and the Moroccan administrations, which users keep themselves. */
public final class PeopleService {
    private final Database database;
    private final Identity identity;
    private final PeopleRepository people = new PeopleRepository();

    PeopleService(Database database, Identity identity) {
        this.database = database;
        this.identity = identity;
    }

    public List<Administration> administrations() {
        return database.read(people::administrations);
    }

    public List<Delegate> delegates() {
        return database.read(people::delegates);
    }

    /** Saves an administration; it needs a name (Arabic or French) or an acronym. */
    public Administration save(Administration administration) {
        String nameAr = Limits.shortText(administration.nameAr());
        String nameFr = Limits.shortText(administration.nameFr());
        String acronym = Limits.shortText(administration.acronym());
        if (nameAr == null && nameFr == null && acronym == null) {
            throw new RejectedInput("input.name-required");
        }
        Administration checked = new Administration(administration.id(), nameAr, nameFr, acronym);
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            people.save(tx, checked, stamp);
            return null;
        });
        return checked;
    }

    /** Saves a delegate; a delegate needs a name. */
    public Delegate save(Delegate delegate) {
        String name = delegate.name() == null ? "" : delegate.name().strip();
        if (name.isEmpty()) {
            throw new RejectedInput("input.name-required");
        }
        Delegate checked = new Delegate(delegate.id(), Limits.shortText(name), delegate.administrationId());
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            people.save(tx, checked, stamp);
            return null;
        });
        return checked;
    }

    public void deleteDelegate(UUID id) {
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            people.deleteDelegate(tx, id, stamp);
            return null;
        });
    }

    public void deleteAdministration(UUID id) {
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            people.deleteAdministration(tx, id, stamp);
            return null;
        });
    }
}
