package ma.etamkeen.rihla.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.StatusChange;
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

    /** Every idea for transfer of every site (not deleted), oldest first. */
    public List<Idea> all() {
        return database.read(ideas::all);
    }

    /**
     * Moves an idea to {@code status} (the progress board); the move is kept in its history with who and when.
     *
     * @return the idea as moved, or empty when it was deleted meanwhile
     */
    public Optional<Idea> move(UUID ideaId, Idea.Status status) {
        Stamp stamp = identity.stamp();
        Optional<Idea> moved = database.write(tx -> {
            Optional<Idea> idea = ideas.find(tx, ideaId);
            return idea.isEmpty() || idea.get().status() == status ? idea
                    : Optional.of(ideas.save(tx, idea.get().withStatus(status), stamp));
        });
        moved.ifPresent(idea -> search.changed(SearchKind.IDEA, idea.id()));
        return moved;
    }

    /** The moves of the ideas {@code ideaIds} to their statuses, oldest first, by idea. */
    public Map<UUID, List<StatusChange>> history(Collection<UUID> ideaIds) {
        Map<UUID, List<StatusChange>> byIdea = new HashMap<>();
        for (StatusChange change : database.read(tx -> ideas.history(tx, ideaIds))) {
            byIdea.computeIfAbsent(change.ideaId(), id -> new ArrayList<>()).add(change);
        }
        return byIdea;
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
