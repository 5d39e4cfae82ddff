package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.UUID;

import ma.etamkeen.rihla.text.FileNames;

/**
 * A photo or document attached to a site ({@code ownerKind} null) or to one of its entries.
 * The bytes are read separately, only when opened. Its file name is always {@linkplain FileNames#clean clean}
 * (no bidi controls), also when it was stored before names were cleaned.
 */
public record Attachment(UUID id, UUID siteId, EntryKind ownerKind, UUID ownerId, String fileName, String mediaType,
                         long sizeBytes, String sha256, String caption, boolean hasThumbnail, Instant createdAt) {

    public Attachment {
        fileName = FileNames.clean(fileName);
    }

    public boolean isImage() {
        return mediaType.startsWith("image/");
    }
}
