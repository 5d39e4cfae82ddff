package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * A lesson learned at a site: what was observed, why it works and on what conditions.
 *
 * @param themes theme codes
 */
public record Lesson(UUID id, UUID siteId, UUID authorId, String title, String observed, String whyItWorks,
                     Set<String> themes, Instant updatedAt) {
    public Lesson {
        themes = Set.copyOf(themes);
    }
}
