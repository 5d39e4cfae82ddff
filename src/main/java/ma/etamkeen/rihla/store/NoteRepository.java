package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.RecordKind;

/** Notes of a site. Deleted notes stay as tombstones and are only reached through the trash. */
public final class NoteRepository {
    private static final String COLUMNS = Rows.select(RecordKind.NOTE);

    public List<Note> findBySite(Tx tx, UUID siteId) throws SQLException {
        return tx.list("SELECT " + COLUMNS + " FROM note WHERE site_id = ? AND deleted_at IS NULL"
                + " ORDER BY noted_on DESC NULLS LAST, created_at DESC", NoteRepository::map, siteId);
    }

    public Optional<Note> find(Tx tx, UUID id) throws SQLException {
        return tx.one("SELECT " + COLUMNS + " FROM note WHERE id = ? AND deleted_at IS NULL", NoteRepository::map, id);
    }

    /**
     * Inserts the note or updates it; returns it as stored. A note deleted meanwhile (a late autosave)
     * is left in the trash, untouched.
     */
    public Note save(Tx tx, Note note, Stamp stamp) throws SQLException {
        var values = Rows.values(RecordKind.NOTE, note);
        if (!Rows.update(tx, RecordKind.NOTE, note.id(), values, stamp, "deleted_at IS NULL")
                && !tx.exists("SELECT 1 FROM note WHERE id = ?", note.id())) {
            Rows.insert(tx, RecordKind.NOTE, note.id(), values, stamp);
        }
        ContentRevision.bump(tx);
        return new Note(note.id(), note.siteId(), note.authorId(), note.notedOn(), note.body(), stamp.at());
    }

    private static Note map(ResultSet row) throws SQLException {
        return new Note(Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), Tx.uuid(row, "author_id"),
                row.getObject("noted_on", LocalDate.class), row.getString("body"), Tx.instant(row, "updated_at"));
    }
}
