package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.UUID;

import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.IdeaRepository;
import ma.etamkeen.rihla.store.Stamp;

/** Ideas for transfer to Moroccan administrations. */
public final class IdeaService {
    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final IdeaRepository ideas = new IdeaRepository();

    IdeaService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    public List<Idea> forSite(UUID siteId) {
        return database.read(tx -> ideas.findBySite(tx, siteId));
    }

    /** Saves a new or changed idea; an idea needs a title. */
    public Idea save(Idea idea) {
        Idea checked = new Idea(idea.id(), idea.siteId(), idea.lessonId(), idea.authorId(), Limits.title(idea.title()),
                Limits.text(idea.description()), idea.effort(), idea.impact(), idea.status(),
                Limits.shortText(idea.owner()), Limits.text(idea.prerequisites()), idea.themes(), idea.targets(),
                idea.updatedAt());
        Stamp stamp = identity.stamp();
        Idea saved = database.write(tx -> ideas.save(tx, checked, stamp));
        search.changed(SearchKind.IDEA, saved.id());
        return saved;
    }
}
