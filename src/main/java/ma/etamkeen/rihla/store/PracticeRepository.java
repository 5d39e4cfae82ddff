package ma.etamkeen.rihla.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Practice;

/** Every live lesson and idea of every site, with their themes and targets: the rows of the practices table. */
public final class PracticeRepository {

    public List<Practice> all(Tx tx) throws SQLException {
        Map<UUID, Set<String>> themes = new HashMap<>();
        tx.list("""
                SELECT x.lesson_id AS owner, t.code FROM lesson_theme x JOIN theme t ON t.id = x.theme_id
                WHERE x.deleted_at IS NULL
                UNION ALL SELECT x.idea_id, t.code FROM idea_theme x JOIN theme t ON t.id = x.theme_id
                WHERE x.deleted_at IS NULL""", row -> {
            themes.computeIfAbsent(Tx.uuid(row, "owner"), k -> new HashSet<>()).add(row.getString("code"));
            return null;
        });
        Map<UUID, Set<UUID>> targets = new HashMap<>();
        tx.list("SELECT idea_id, administration_id FROM idea_administration WHERE deleted_at IS NULL", row -> {
            targets.computeIfAbsent(Tx.uuid(row, "idea_id"), k -> new HashSet<>()).add(Tx.uuid(row, "administration_id"));
            return null;
        });
        List<Practice> practices = new ArrayList<>();
        tx.list("""
                SELECT e.id, e.site_id, e.title, e.author_id, e.created_at FROM lesson e JOIN site s ON s.id = e.site_id
                WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""", row -> {
            UUID id = Tx.uuid(row, "id");
            practices.add(new Practice(EntryKind.LESSON, id, Tx.uuid(row, "site_id"), row.getString("title"),
                    Tx.uuid(row, "author_id"), Tx.instant(row, "created_at"), null, themes.getOrDefault(id, Set.of()),
                    Set.of()));
            return null;
        });
        tx.list("""
                SELECT e.id, e.site_id, e.title, e.author_id, e.created_at, e.status FROM idea e JOIN site s ON s.id = e.site_id
                WHERE e.deleted_at IS NULL AND s.deleted_at IS NULL""", row -> {
            UUID id = Tx.uuid(row, "id");
            practices.add(new Practice(EntryKind.IDEA, id, Tx.uuid(row, "site_id"), row.getString("title"),
                    Tx.uuid(row, "author_id"), Tx.instant(row, "created_at"), Idea.Status.fromCode(row.getString("status")),
                    themes.getOrDefault(id, Set.of()), targets.getOrDefault(id, Set.of())));
            return null;
        });
        return practices;
    }
}
