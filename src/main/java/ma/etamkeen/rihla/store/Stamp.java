package ma.etamkeen.rihla.store;

import java.time.Instant;

/** The audit columns of one write: when, and by whom (a delegate's name or this laptop's label). */
public record Stamp(Instant at, String by) {
    public static Stamp now(String by) {
        return new Stamp(Database.now(), by);
    }
}
