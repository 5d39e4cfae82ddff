package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import ma.etamkeen.rihla.model.Visit;

/** Study visits; Rihla ships with one. */
public final class VisitRepository {

    public Optional<Visit> findFirst(Tx tx) throws SQLException {
        return tx.one("""
                SELECT id, code, title_ar, title_fr, title_en, programme, starts_on, ends_on, delegation_size,
                    administration_count, description_ar, description_fr, description_en, sources
                FROM visit WHERE deleted_at IS NULL ORDER BY starts_on LIMIT 1""", row -> new Visit(
                Tx.uuid(row, "id"),
                row.getString("code"),
                Tx.localized(row, "title"),
                row.getString("programme"),
                row.getObject("starts_on", java.time.LocalDate.class),
                row.getObject("ends_on", java.time.LocalDate.class),
                row.getInt("delegation_size"),
                row.getInt("administration_count"),
                Tx.localized(row, "description"),
                lines(row.getString("sources"))));
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).map(String::strip).toList();
    }
}
