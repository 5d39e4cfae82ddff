package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.RecordKind;

/** The lists behind the entries: Moroccan administrations and the delegates. */
public final class PeopleRepository {

    public List<Administration> administrations(Tx tx) throws SQLException {
        return tx.list("""
                SELECT id, name_ar, name_fr, acronym FROM administration WHERE deleted_at IS NULL
                ORDER BY COALESCE(acronym, name_fr, name_ar)""",
                row -> new Administration(Tx.uuid(row, "id"), row.getString("name_ar"), row.getString("name_fr"),
                        row.getString("acronym")));
    }

    public void save(Tx tx, Administration administration, Stamp stamp) throws SQLException {
        var values = Rows.values(RecordKind.ADMINISTRATION, administration);
        if (!Rows.update(tx, RecordKind.ADMINISTRATION, administration.id(), values, stamp, null)) {
            Rows.insert(tx, RecordKind.ADMINISTRATION, administration.id(), values, stamp);
        }
    }

    public List<Delegate> delegates(Tx tx) throws SQLException {
        return tx.list("SELECT id, name, administration_id FROM delegate WHERE deleted_at IS NULL ORDER BY name",
                row -> new Delegate(Tx.uuid(row, "id"), row.getString("name"), Tx.uuid(row, "administration_id")));
    }

    public void save(Tx tx, Delegate delegate, Stamp stamp) throws SQLException {
        var values = Rows.values(RecordKind.DELEGATE, delegate);
        if (!Rows.update(tx, RecordKind.DELEGATE, delegate.id(), values, stamp, null)) {
            Rows.insert(tx, RecordKind.DELEGATE, delegate.id(), values, stamp);
        }
    }

    /** Takes a delegate off the list; the entries they wrote keep their author. */
    public void deleteDelegate(Tx tx, UUID id, Stamp stamp) throws SQLException {
        tx.update("UPDATE delegate SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                stamp.at(), stamp.at(), stamp.by(), id);
    }

    /** Takes an administration off the list; ideas that target it keep the link. */
    public void deleteAdministration(Tx tx, UUID id, Stamp stamp) throws SQLException {
        tx.update("UPDATE administration SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                stamp.at(), stamp.at(), stamp.by(), id);
    }
}
