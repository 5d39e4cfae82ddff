package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A store failure the user must understand. The {@link Reason} picks the message shown in the user's
 * language ({@code error.<reason>} in the bundles); {@code detail} names the file or value involved.
 */
public class StoreException extends RuntimeException {

    public enum Reason {
        /** Another Rihla (a window or a command) has the data folder ({@code detail}). */
        IN_USE("error.in-use"),
        /**
         * The data folder ({@code detail}) is Rihla's, but another program holds its database file open (a
         * database tool, H2's own shell): H2 refused it as already open while no other Rihla had the folder.
         */
        OPEN_ELSEWHERE("error.open-elsewhere"),
        NOT_WRITABLE("error.not-writable"),
        /** The disk holding the data folder is full: what was being written was not saved. */
        DISK_FULL("error.disk-full"),
        /** The database file may not be written (its permissions, a read-only disk). */
        READ_ONLY("error.read-only"),
        NEWER_VERSION("error.newer-version"),
        /** The database is damaged: found at start ({@link DamagedStoreException}) or while it was in use. */
        DAMAGED("error.damaged"),
        INVALID_BACKUP("error.invalid-backup"),
        /** A backup Rihla wrote that no longer reads back whole (damaged since it was written). */
        DAMAGED_BACKUP("error.damaged-backup"),
        /** H2's recovery tool could not rebuild a Rihla database from a damaged file. */
        NOT_RECOVERABLE("error.not-recoverable"),
        /** A data folder whose name the database cannot use (a backslash in it, where it is not a separator). */
        FOLDER_NAME("error.folder-name"),
        /** The file of an attachment ({@code detail}: its name) is missing from the data folder, or damaged there. */
        MISSING_ATTACHMENT("error.missing-attachment"),
        /** A backup ({@code detail}) needs attachment files that are missing or damaged in the data folder. */
        BACKUP_MISSING_ATTACHMENTS("error.backup-missing-attachments"),
        /**
         * A stored value the app cannot read as what its column holds (a name no field has, text where a date
         * belongs): the database was changed outside Rihla. {@code detail}: the table, the record's id and its slug
         * or code if it has a good one ({@code SITE 1b4e… becode}; {@code Failures.detail} words it).
         */
        CHANGED_VALUE("error.changed-value"),
        FAILED("error.store-failed");

        private final String messageKey;

        Reason(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;
    private final String detail;

    public StoreException(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
        this.detail = detail;
    }

    /**
     * The store failure behind {@code failure} (an I/O or database error while working in {@code folder}):
     * a full disk (the OS said so, or less than 1 MB is left), a file that may not be written, or, when
     * nothing more is known, {@code otherwise} naming {@code folder} (or the error, for FAILED).
     */
    public static StoreException of(Throwable failure, Path folder, Reason otherwise) {
        return of(failure, folder, () -> new StoreException(otherwise,
                otherwise == Reason.FAILED ? String.valueOf(failure.getMessage()) : folder.toString(), failure));
    }

    /** As {@link #of(Throwable, Path, Reason)}, with the exception to throw when the cause is not known. */
    public static StoreException of(Throwable failure, Path folder, Supplier<StoreException> otherwise) {
        if (failure instanceof StoreException known) {
            return known;
        }
        folder = StoreJournal.dataFolderOf(folder);  // the user knows the data folder, not a work folder in it
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("no space left") || message.contains("not enough space")
                    || message.contains("disk full") || message.contains("disk quota")) {
                return new StoreException(Reason.DISK_FULL, folder.toString(), failure);
            }
            if (cause instanceof AccessDeniedException || cause instanceof ReadOnlyFileSystemException
                    || message.contains("read-only file system")) {
                return new StoreException(Reason.READ_ONLY, folder.toString(), failure);
            }
        }
        if (usableBytes(folder) < (1L << 20)) {
            return new StoreException(Reason.DISK_FULL, folder.toString(), failure);
        }
        return otherwise.get();
    }

    private static long usableBytes(Path folder) {
        try {
            Path existing = folder.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing == null ? Long.MAX_VALUE : Files.getFileStore(existing).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
