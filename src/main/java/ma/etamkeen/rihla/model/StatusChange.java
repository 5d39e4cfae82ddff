package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of an idea for transfer to a status: {@code at} when (the laptop's clock, shown, never used to order
 * what laptops send), {@code by} who (a delegate's name or a laptop's label). Written once, never changed.
 */
public record StatusChange(UUID id, UUID ideaId, Idea.Status status, Instant at, String by) {
}
