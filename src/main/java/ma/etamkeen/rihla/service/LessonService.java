package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.UUID;

import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.LessonRepository;
import ma.etamkeen.rihla.store.Stamp;

/** Lessons learned at a site. */
public final class LessonService {
    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final LessonRepository lessons = new LessonRepository();

    LessonService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    public List<Lesson> forSite(UUID siteId) {
        return database.read(tx -> lessons.findBySite(tx, siteId));
    }

    /** Saves a new or changed lesson; a lesson needs a title. */
    public Lesson save(Lesson lesson) {
        Lesson checked = new Lesson(lesson.id(), lesson.siteId(), lesson.authorId(), Limits.title(lesson.title()),
                Limits.text(lesson.observed()), Limits.text(lesson.whyItWorks()), lesson.themes(), lesson.updatedAt());
        Stamp stamp = identity.stamp();
        Lesson saved = database.write(tx -> lessons.save(tx, checked, stamp));
        search.changed(SearchKind.LESSON, saved.id());
        return saved;
    }
}
