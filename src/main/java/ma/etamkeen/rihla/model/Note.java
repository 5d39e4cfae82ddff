package ma.etamkeen.rihla.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A note taken during the visit; its text may be Arabic, French or both. */
public record Note(UUID id, UUID siteId, UUID authorId, LocalDate notedOn, String body, Instant updatedAt) {

    public Note withBody(String text) {
        return new Note(id, siteId, authorId, notedOn, text, updatedAt);
    }

    public Note withAuthor(UUID author) {
        return new Note(id, siteId, author, notedOn, body, updatedAt);
    }

    public Note withDate(LocalDate date) {
        return new Note(id, siteId, authorId, date, body, updatedAt);
    }
}
