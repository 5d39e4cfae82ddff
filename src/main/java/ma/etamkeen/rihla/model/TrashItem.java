package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.UUID;

/** A deleted entry, still restorable until the trash is emptied. */
public record TrashItem(EntryKind kind, UUID id, UUID siteId, String siteSlug, String label, Instant deletedAt) {
}
