package ma.etamkeen.rihla.store;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic UUIDs for reference data and link rows: every laptop computes the same id for the
 * same seeded site or the same site–theme link, so their records merge instead of doubling.
 */
public final class Ids {
    private Ids() {
    }

    public static UUID of(String kind, Object... parts) {
        StringBuilder name = new StringBuilder("rihla:").append(kind);
        for (Object part : parts) {
            name.append(':').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static UUID link(String table, UUID from, UUID to) {
        return of(table, from, to);
    }
}
