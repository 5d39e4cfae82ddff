package ma.etamkeen.rihla.service;

import java.nio.file.Path;

import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Seeder;

/** One open data folder: the database, seeded, and the services over it. Shared by the app and the CLI. */
public final class Workspace implements AutoCloseable {
    private final Database database;
    private final Catalog catalog;

    private Workspace(Database database) {
        this.database = database;
        this.catalog = new Catalog(database);
    }

    /** Opens the data folder, migrating and seeding it as needed. */
    public static Workspace open(Path folder) {
        Database database = Database.open(folder);
        try {
            new Seeder().ensureSeeded(database);
            return new Workspace(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Path folder() {
        return database.folder();
    }

    public Database database() {
        return database;
    }

    public Catalog catalog() {
        return catalog;
    }

    @Override
    public void close() {
        database.close();
    }
}
