package ma.etamkeen.rihla.model;

import java.util.UUID;

/** A member of the delegation, the author of notes, lessons and ideas. */
public record Delegate(UUID id, String name, UUID administrationId) {
}
