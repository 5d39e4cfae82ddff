package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.UUID;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.NoteRepository;
import ma.etamkeen.rihla.store.Stamp;

/** The delegates' notes on a site. */
public final class NoteService {
    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final NoteRepository notes = new NoteRepository();

    NoteService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    public List<Note> forSite(UUID siteId) {
        return database.read(tx -> notes.findBySite(tx, siteId));
    }

    /** Saves a new or changed note (synced to disk on return). */
    public Note save(Note note) {
        Note checked = note.withBody(Limits.text(note.body() == null ? "" : note.body()));
        Stamp stamp = identity.stamp();
        Note saved = database.write(tx -> notes.save(tx, checked, stamp));
        search.changed(SearchKind.NOTE, saved.id());
        return saved;
    }
}
