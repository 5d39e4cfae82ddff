package ma.etamkeen.rihla.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The level of government a visited body belongs to, for any country: national (a unitary state's
 * central level), federal, regional, community, local, non-profit (or private), other; a free detail beside it
 * says more ("Wallonia", "City of Namur"). The label lives in the message bundles.
 */
public enum GovernmentLevel {
    NATIONAL, FEDERAL, REGIONAL, COMMUNITY, LOCAL, NON_PROFIT, OTHER;

    /** Stable code used in the database, the seed file, packages, the CSV of a visit and the CLI's JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "level." + code();
    }

    /** @throws IllegalArgumentException for a code that is not one of the levels */
    public static GovernmentLevel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** The level of {@code code}, or empty when it is not one (a CSV cell, a package field). */
    public static Optional<GovernmentLevel> parse(String code) {
        for (GovernmentLevel level : values()) {
            if (level.code().equals(code)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
