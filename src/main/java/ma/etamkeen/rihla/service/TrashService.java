package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.store.TrashRepository;

/**
 * Deleting moves to the trash; restoring brings back (an entry of a deleted site brings its site back too);
 * emptying purges content but keeps tombstones.
 */
public final class TrashService {
    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final TrashRepository trash = new TrashRepository();

    TrashService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    public boolean delete(EntryKind kind, UUID id) {
        Stamp stamp = identity.stamp();
        boolean deleted = database.write(tx -> trash.delete(tx, kind, id, stamp));
        search.changedWithAttachments(kind, id);
        return deleted;
    }

    public boolean restore(EntryKind kind, UUID id) {
        Stamp stamp = identity.stamp();
        boolean[] siteBack = {false};
        boolean restored = database.write(tx -> {
            boolean back = trash.restore(tx, kind, id, stamp);
            siteBack[0] = back && trash.restoreSiteOf(tx, kind, id, stamp);
            return back;
        });
        if (siteBack[0]) {
            search.rebuild();  // the site's other entries came back with it
        } else {
            search.changedWithAttachments(kind, id);
        }
        return restored;
    }

    /** Restores what {@code item} names: an entry, or a site with what was deleted along with it. */
    public boolean restore(TrashItem item) {
        if (item.isSite()) {
            Stamp stamp = identity.stamp();
            boolean restored = database.write(tx -> trash.restoreSite(tx, item.id(), stamp));
            search.rebuild();
            return restored;
        }
        return restore(item.kind().entryKind().orElseThrow(), item.id());
    }

    /** The trash of one site, or of every site. */
    public List<TrashItem> list(Optional<UUID> siteId) {
        return database.read(tx -> trash.list(tx, siteId));
    }

    /** Empties the trash of one site, or of every site; returns how many entries were purged. */
    public int empty(Optional<UUID> siteId) {
        Stamp stamp = identity.stamp();
        return database.write(tx -> trash.purge(tx, siteId, stamp));
    }
}
