package ma.etamkeen.rihla.model;

import java.util.Locale;

/** What the delegates write about a site; attachments hang on a site or on one of the other kinds. */
public enum EntryKind {
    NOTE, LESSON, IDEA, ATTACHMENT;

    /** Stable code used in the database and in files. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryKind fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
