package ma.etamkeen.rihla.service;

/**
 * Input the app will not store, with the message that says why in the user's language
 * ({@code messageKey} in the bundles, {@code args} filled in). Nothing was changed.
 */
public final class RejectedInput extends RuntimeException {
    private final String messageKey;
    private final transient Object[] args;

    public RejectedInput(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    /** An argument that is itself a word of the bundles (a kind of record), said in the user's language. */
    public record Term(String messageKey) {
    }
}
