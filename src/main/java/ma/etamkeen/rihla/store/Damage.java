package ma.etamkeen.rihla.store;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What is wrong with a data folder's database, found before anything wrote to it. The file is left as it is;
 * the user chooses what to do (restore a backup, try H2's recovery tool, start empty on purpose, or use a
 * foreign database as it is).
 *
 * @param kind    what was found
 * @param file    the database file ({@code <data folder>/rihla.mv.db}), which may be missing
 * @param detail  what H2 or the check said, for the log and the curious (not translated)
 * @param store   how far the store says it came (its id and revision), or null when it cannot be read
 * @param known   the later revision of the same store that was seen before (WENT_BACK), or the store the
 *                folder had (FOREIGN), else null
 * @param witness where that was seen: {@code marker}, {@code index} or a backup's file name
 */
public record Damage(Kind kind, Path file, String detail, ContentRevision.Stamp store, ContentRevision.Stamp known,
                     String witness) {

    /** The kinds of damage, each with its sentence in the bundles ({@code damage.<kind>}). */
    public enum Kind {
        /** The database file is gone, but the folder shows a store lived there (marker, backups, index). */
        MISSING,
        /** H2 cannot read the file: truncated, zeroed, overwritten, not a database. */
        UNREADABLE,
        /** H2 reads it, but it holds an older state than this folder saw (H2 fell back to an older version). */
        WENT_BACK,
        /** An upgrade of the database to this version's schema was interrupted, or cannot be applied. */
        INTERRUPTED_UPGRADE,
        /**
         * H2 reads it, but it is another store than the one this folder had (its id differs from the marker's):
         * copied in from another data folder, or put back by hand. It may be used as it is, on purpose.
         */
        FOREIGN;

        public String messageKey() {
            return "damage." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }
}
