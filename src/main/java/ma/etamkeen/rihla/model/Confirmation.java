package ma.etamkeen.rihla.model;

import java.time.Instant;

/** Who confirmed a "to be confirmed" field or fact, and when. */
public record Confirmation(String by, Instant at) {
}
