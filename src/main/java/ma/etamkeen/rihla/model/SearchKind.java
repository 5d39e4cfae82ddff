package ma.etamkeen.rihla.model;

import java.util.Locale;

/** What a search hit is: a site, or one of the entries written about it. */
public enum SearchKind {
    SITE, NOTE, LESSON, IDEA, ATTACHMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SearchKind of(EntryKind kind) {
        return valueOf(kind.name());
    }
}
