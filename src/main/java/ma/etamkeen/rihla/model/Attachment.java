package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo or document attached to a site ({@code ownerKind} null) or to one of its entries.
 * The bytes are read separately, only when opened.
 */
public record Attachment(UUID id, UUID siteId, EntryKind ownerKind, UUID ownerId, String fileName, String mediaType,
                         long sizeBytes, String sha256, String caption, boolean hasThumbnail, Instant createdAt) {

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
