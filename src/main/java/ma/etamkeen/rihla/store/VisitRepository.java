package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Visit;

/** Study visits, the earliest first; Rihla ships with one. */
public final class VisitRepository {
    private static final String SELECT = "SELECT " + Rows.select(RecordKind.VISIT) + " FROM visit WHERE deleted_at IS NULL";

    public List<Visit> findAll(Tx tx) throws SQLException {
        return tx.list(SELECT + " ORDER BY starts_on NULLS LAST, code", VisitRepository::map);
    }

    public Optional<Visit> findByCode(Tx tx, String code) throws SQLException {
        return tx.one(SELECT + " AND code = ?", VisitRepository::map, code);
    }

    public Optional<Visit> findById(Tx tx, UUID id) throws SQLException {
        return tx.one(SELECT + " AND id = ?", VisitRepository::map, id);
    }

    /** Whether a visit, live or deleted, already has this code (codes are never reused). */
    public boolean codeTaken(Tx tx, String code, UUID except) throws SQLException {
        return except == null ? tx.exists("SELECT 1 FROM visit WHERE code = ?", code)
                : tx.exists("SELECT 1 FROM visit WHERE code = ? AND id <> ?", code, except);
    }

    /** Inserts or updates a visit. */
    public void save(Tx tx, Visit visit, Stamp stamp) throws SQLException {
        Map<String, Object> values = Rows.values(RecordKind.VISIT, visit);
        if (!Rows.update(tx, RecordKind.VISIT, visit.id(), values, stamp, null)) {
            Rows.insert(tx, RecordKind.VISIT, visit.id(), values, stamp);
        }
        ContentRevision.bump(tx);
    }

    private static Visit map(ResultSet row) throws SQLException {
        return new Visit(
                Tx.uuid(row, "id"),
                row.getString("code"),
                Tx.localized(row, "title"),
                row.getString("programme"),
                Tx.localized(row, "country"),
                Tx.localized(row, "cities"),
                row.getObject("starts_on", LocalDate.class),
                row.getObject("ends_on", LocalDate.class),
                row.getObject("delegation_size", Integer.class),
                row.getObject("administration_count", Integer.class),
                Tx.localized(row, "description"),
                lines(row.getString("sources")));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).toList();
    }
}
