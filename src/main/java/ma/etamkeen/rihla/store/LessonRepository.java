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

import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.RecordKind;

/** Lessons learned of a site, with their themes. */
public final class LessonRepository {
    private static final String COLUMNS = Rows.select(RecordKind.LESSON);
    private final ThemeRepository themeRepository = new ThemeRepository();

    public List<Lesson> findBySite(Tx tx, UUID siteId) throws SQLException {
        return withThemes(tx, tx.list("SELECT " + COLUMNS + " FROM lesson WHERE site_id = ? AND deleted_at IS NULL"
                + " ORDER BY created_at", LessonRepository::map, siteId));
    }

    public Optional<Lesson> find(Tx tx, UUID id) throws SQLException {
        return withThemes(tx, tx.list("SELECT " + COLUMNS + " FROM lesson WHERE id = ? AND deleted_at IS NULL",
                LessonRepository::map, id)).stream().findFirst();
    }

    /** Inserts or updates the lesson and its themes; a lesson deleted meanwhile is left alone. */
    public Lesson save(Tx tx, Lesson lesson, Stamp stamp) throws SQLException {
        var values = Rows.values(RecordKind.LESSON, lesson);
        if (!Rows.update(tx, RecordKind.LESSON, lesson.id(), values, stamp, "deleted_at IS NULL")) {
            if (tx.exists("SELECT 1 FROM lesson WHERE id = ?", lesson.id())) {
                return lesson;
            }
            Rows.insert(tx, RecordKind.LESSON, lesson.id(), values, stamp);
        }
        ContentRevision.bump(tx);
        return new Lesson(lesson.id(), lesson.siteId(), lesson.authorId(), lesson.title(), lesson.observed(),
                lesson.whyItWorks(), lesson.themes(), stamp.at());
    }

    private List<Lesson> withThemes(Tx tx, List<Lesson> lessons) throws SQLException {
        if (lessons.isEmpty()) {
            return lessons;
        }
        Map<UUID, String> codes = themeRepository.idsByCode(tx).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getValue, Map.Entry::getKey));
        Map<UUID, Set<String>> byLesson = new HashMap<>();
        UUID[] ids = lessons.stream().map(Lesson::id).toArray(UUID[]::new);
        tx.list("SELECT lesson_id, theme_id FROM lesson_theme WHERE deleted_at IS NULL AND lesson_id = ANY(?)", row -> {
            byLesson.computeIfAbsent(Tx.uuid(row, "lesson_id"), k -> new HashSet<>()).add(codes.get(Tx.uuid(row, "theme_id")));
            return null;
        }, (Object) ids);
        List<Lesson> result = new ArrayList<>(lessons.size());
        for (Lesson l : lessons) {
            result.add(new Lesson(l.id(), l.siteId(), l.authorId(), l.title(), l.observed(), l.whyItWorks(),
                    byLesson.getOrDefault(l.id(), Set.of()), l.updatedAt()));
        }
        return result;
    }

    private static Lesson map(ResultSet row) throws SQLException {
        return new Lesson(Tx.uuid(row, "id"), Tx.uuid(row, "site_id"), Tx.uuid(row, "author_id"), row.getString("title"),
                row.getString("observed"), row.getString("why_it_works"), Set.of(), Tx.instant(row, "updated_at"));
    }
}
