package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A lesson learned or an idea for transfer, as the practices table and its facets see it.
 *
 * @param status  the idea's status; null for a lesson
 * @param targets the idea's target administrations; empty for a lesson
 */
public record Practice(EntryKind kind, UUID id, UUID siteId, String title, UUID authorId, Instant createdAt,
                       Idea.Status status, Set<String> themes, Set<UUID> targets) {
    public Practice {
        themes = Set.copyOf(themes);
        targets = Set.copyOf(targets);
    }
}
