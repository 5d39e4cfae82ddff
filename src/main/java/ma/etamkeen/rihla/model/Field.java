package ma.etamkeen.rihla.model;

import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One field of a record kind, described once (see {@link RecordKind}): its database column and what the
 * column holds, how long a text may be (the column's own limit, so what passes a check also fits), whether it
 * must be there, the values it may take, and how the app reads it from the record it belongs to.
 *
 * @param name     the column's name ({@code name_ar}), also its name in packages
 * @param type     what it holds
 * @param maxChars the longest text the column takes (VARCHAR(n)); 0 when it is not text
 * @param required never null (NOT NULL)
 * @param choices  the only values it may take (a CHECK constraint), empty when free
 * @param shown    shown when two versions of a record are compared side by side (an import's conflicts)
 * @param travels  carried in packages with the record (an attachment's bytes travel apart, as files)
 * @param unique   no two records share it (a slug, a code): a copy kept beside a conflicting version gets a new one
 * @param format   whether a text is well formed for it (a slug's letters, the field names of {@code to_confirm});
 *                 checked on every record that arrives in a package or a change set, and as the store is read
 * @param value    the value as stored, read from the record (null for columns the record does not carry)
 * @param <R>      the record the field belongs to
 */
public record Field<R>(String name, Type type, int maxChars, boolean required, Set<String> choices, boolean shown,
                       boolean travels, boolean unique, Predicate<String> format, Function<R, Object> value) {

    /** What a field holds; THEMES and TARGETS are lists kept in link tables, not columns of the record. */
    public enum Type {
        TEXT, UUID, INSTANT, DATE, INTEGER, BOOLEAN, BYTES,
        /** Theme codes, through {@code <table>_theme}. */
        THEMES,
        /** Target administrations' ids, through {@code idea_administration}. */
        TARGETS
    }

    /** The format of a free text: any. */
    static final Predicate<String> ANY_TEXT = text -> true;

    public Field {
        choices = Set.copyOf(choices);
    }

    /** Whether its texts are checked at all: it has choices or a format (a slug, a code, a hash). */
    public boolean checksText() {
        return !choices.isEmpty() || format != ANY_TEXT;
    }

    /** Whether it is a column of the record's table (not a list of links). */
    public boolean isColumn() {
        return type != Type.THEMES && type != Type.TARGETS;
    }

    Field<R> with(boolean newRequired, Set<String> newChoices, boolean newShown, boolean newTravels, boolean newUnique) {
        return new Field<>(name, type, maxChars, newRequired, newChoices, newShown, newTravels, newUnique, format, value);
    }

    Field<R> withFormat(Predicate<String> newFormat) {
        return new Field<>(name, type, maxChars, required, choices, shown, travels, unique, newFormat, value);
    }

    /** Whether a stored or arriving text {@code value} is one this field may hold (null: it may be absent). */
    public boolean accepts(String value) {
        return value == null || (choices.isEmpty() || choices.contains(value)) && format.test(value);
    }
}
