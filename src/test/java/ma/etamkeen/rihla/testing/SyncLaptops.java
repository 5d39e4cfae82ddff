package ma.etamkeen.rihla.testing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;

/** Laptops for the sync tests: a data folder in {@code folder}, with a delegate who says who uses it. */
public final class SyncLaptops {
    private SyncLaptops() {
    }

    /** Opens (creating) the laptop {@code name} of {@code folder}, used by {@code delegate}; close it after. */
    public static Workspace laptop(Path folder, String name, String delegate) {
        Workspace workspace = Workspace.open(folder.resolve(name));
        Delegate me = workspace.people().save(new Delegate(UUID.randomUUID(), delegate, null));
        workspace.identity().setMe(me.id());
        return workspace;
    }

    /** Saves a note saying {@code text} on {@link Stores#SITE}; returns it as stored. */
    public static Note note(Workspace laptop, String text) {
        return laptop.notes().save(new Note(UUID.randomUUID(), Stores.SITE, null, LocalDate.of(2022, 9, 28), text, null));
    }
}
