package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * An idea for transfer to Moroccan administrations, optionally drawn from a lesson.
 *
 * @param themes  theme codes
 * @param targets ids of the target administrations
 */
public record Idea(UUID id, UUID siteId, UUID lessonId, UUID authorId, String title, String description,
                   Effort effort, Impact impact, Status status, String owner, String prerequisites,
                   Set<String> themes, Set<UUID> targets, Instant updatedAt) {

    public Idea {
        themes = Set.copyOf(themes);
        targets = Set.copyOf(targets);
        status = status == null ? Status.PROPOSED : status;
    }

    /** The same idea at {@code moved} (the board's move). */
    public Idea withStatus(Status moved) {
        return new Idea(id, siteId, lessonId, authorId, title, description, effort, impact, moved, owner, prerequisites,
                themes, targets, updatedAt);
    }

    /** How much work the transfer takes. */
    public enum Effort { S, M, L }

    /** The expected impact of the transfer. */
    public enum Impact {
        LOW, MEDIUM, HIGH;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where the idea stands. */
    public enum Status {
        PROPOSED, UNDER_STUDY, PILOTING, ADOPTED, DROPPED;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static Status fromCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }
}
