package ma.etamkeen.rihla.store;

/**
 * A store failure the user must understand. The {@link Reason} picks the message shown in the user's
 * language ({@code error.<reason>} in the bundles); {@code detail} names the file or value involved.
 */
public class StoreException extends RuntimeException {

    public enum Reason {
        IN_USE("error.in-use"),
        NOT_WRITABLE("error.not-writable"),
        NEWER_VERSION("error.newer-version"),
        CORRUPT("error.corrupt"),
        INVALID_BACKUP("error.invalid-backup"),
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

    public Reason reason() {
        return reason;
    }

    public String detail() {
        return detail;
    }
}
