package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.util.UUID;

/**
 * Something deleted, still restorable until the trash is emptied: an entry (a note, a lesson learned, an idea
 * for transfer, an attachment) of the site {@code siteId}, or a site itself ({@code kind} {@link RecordKind#SITE},
 * {@code id} equal to {@code siteId}, {@code label} null).
 *
 * @param label the first 200 characters of the entry's text (its body, title or file name)
 */
public record TrashItem(RecordKind<?> kind, UUID id, UUID siteId, String siteSlug, Localized siteName, String label,
                        Instant deletedAt) {

    /** Whether this is a deleted site, which comes back with the entries deleted along with it. */
    public boolean isSite() {
        return kind == RecordKind.SITE;
    }
}
