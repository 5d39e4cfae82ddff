package ma.etamkeen.rihla.model;

import java.util.Locale;

/** The level of government a visited body belongs to; the label lives in the message bundles. */
public enum GovernmentLevel {
    FEDERAL, REGIONAL, COMMUNITY, LOCAL, NON_PROFIT;

    /** Stable code used in the database, the seed file and the CLI's JSON. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "level." + code();
    }

    public static GovernmentLevel fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
