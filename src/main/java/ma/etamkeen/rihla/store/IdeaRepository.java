package ma.etamkeen.rihla.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.StatusChange;

/** Ideas for transfer of a site, with their themes and target administrations. */
public final class IdeaRepository {
    private static final String COLUMNS = Rows.select(RecordKind.IDEA);
    private final ThemeRepository themeRepository = new ThemeRepository();

    public List<Idea> findBySite(Tx tx, UUID siteId) throws SQLException {
        return withLinks(tx, tx.list("SELECT " + COLUMNS + " FROM idea WHERE site_id = ? AND deleted_at IS NULL"
                + " ORDER BY created_at", IdeaRepository::map, siteId));
    }

    public Optional<Idea> find(Tx tx, UUID id) throws SQLException {
        return withLinks(tx, tx.list("SELECT " + COLUMNS + " FROM idea WHERE id = ? AND deleted_at IS NULL",
                IdeaRepository::map, id)).stream().findFirst();
    }

    /**
     * Inserts or updates the idea and its links; an idea deleted meanwhile is left alone. A new idea, or one whose
     * status changes, gets a {@link StatusChange} stamped like the save (who, when) in the same transaction.
     */
    public Idea save(Tx tx, Idea idea, Stamp stamp) throws SQLException {
        var values = Rows.values(RecordKind.IDEA, idea);
        Optional<String> before = tx.one("SELECT status FROM idea WHERE id = ? AND deleted_at IS NULL",
                row -> row.getString(1), idea.id());
        if (!Rows.update(tx, RecordKind.IDEA, idea.id(), values, stamp, "deleted_at IS NULL")) {
            if (tx.exists("SELECT 1 FROM idea WHERE id = ?", idea.id())) {
                return idea;
            }
            Rows.insert(tx, RecordKind.IDEA, idea.id(), values, stamp);
        }
        if (before.isEmpty() || !before.get().equals(idea.status().code())) {
            StatusChange change = new StatusChange(UUID.randomUUID(), idea.id(), idea.status(), stamp.at(), stamp.by());
            Rows.insert(tx, RecordKind.STATUS_CHANGE, change.id(), Rows.values(RecordKind.STATUS_CHANGE, change), stamp);
        }
        ContentRevision.bump(tx);
        return new Idea(idea.id(), idea.siteId(), idea.lessonId(), idea.authorId(), idea.title(), idea.description(),
                idea.effort(), idea.impact(), idea.status(), idea.owner(), idea.prerequisites(), idea.themes(),
                idea.targets(), stamp.at());
    }

    /** The status changes of the ideas {@code ideaIds}, oldest first (by the clock of the laptop that made each). */
    public List<StatusChange> history(Tx tx, java.util.Collection<UUID> ideaIds) throws SQLException {
        if (ideaIds.isEmpty()) {
            return List.of();
        }
        return tx.list("SELECT id, idea_id, status, created_at, updated_by FROM idea_status_change"
                + " WHERE deleted_at IS NULL AND idea_id = ANY(?) ORDER BY created_at, id",
                row -> new StatusChange(Tx.uuid(row, "id"), Tx.uuid(row, "idea_id"),
                        Idea.Status.fromCode(row.getString("status")), Tx.instant(row, "created_at"),
                        row.getString("updated_by")), (Object) ideaIds.toArray(UUID[]::new));
    }

    /** Every idea for transfer that is not deleted, of every site, with its themes and targets. */
    public List<Idea> all(Tx tx) throws SQLException {
        return withLinks(tx, tx.list("SELECT " + COLUMNS + " FROM idea WHERE deleted_at IS NULL ORDER BY created_at",
                IdeaRepository::map));
    }

    private List<Idea> withLinks(Tx tx, List<Idea> ideas) throws SQLException {
        if (ideas.isEmpty()) {
            return ideas;
        }
        Map<UUID, String> codes = themeRepository.idsByCode(tx).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        UUID[] ids = ideas.stream().map(Idea::id).toArray(UUID[]::new);
        Map<UUID, Set<String>> themesByIdea = new HashMap<>();
        tx.list("SELECT idea_id, theme_id FROM idea_theme WHERE deleted_at IS NULL AND idea_id = ANY(?)", row -> {
            themesByIdea.computeIfAbsent(Tx.uuid(row, "idea_id"), k -> new HashSet<>()).add(codes.get(Tx.uuid(row, "theme_id")));
            return null;
        }, (Object) ids);
        Map<UUID, Set<UUID>> targetsByIdea = new HashMap<>();
        tx.list("SELECT idea_id, administration_id FROM idea_administration WHERE deleted_at IS NULL AND idea_id = ANY(?)",
                row -> {
                    targetsByIdea.computeIfAbsent(Tx.uuid(row, "idea_id"), k -> new HashSet<>())
                            .add(Tx.uuid(row, "administration_id"));
                    return null;
                }, (Object) ids);
        List<Idea> result = new ArrayList<>(ideas.size());
        for (Idea i : ideas) {
            result.add(new Idea(i.id(), i.siteId(), i.lessonId(), i.authorId(), i.title(), i.description(), i.effort(),
                    i.impact(), i.status(), i.owner(), i.prerequisites(), themesByIdea.getOrDefault(i.id(), Set.of()),
                    targetsByIdea.getOrDefault(i.id(), Set.of()), i.updatedAt()));
        }
        return result;
    }

    private static Idea map(ResultSet row) throws SQLException {
        String effort = row.getString("effort");
        String impact = row.getString("impact");
        return new Idea(Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), Tx.uuid(row, "lesson_id"), Tx.uuid(row, "author_id"),
                row.getString("title"), row.getString("description"),
                effort == null ? null : Idea.Effort.valueOf(effort),
                impact == null ? null : Idea.Impact.valueOf(impact.toUpperCase(java.util.Locale.ROOT)),
                Idea.Status.fromCode(row.getString("status")), row.getString("owner"), row.getString("prerequisites"),
                Set.of(), Set.of(), Tx.instant(row, "updated_at"));
    }
}
