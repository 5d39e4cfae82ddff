package ma.etamkeen.rihla.service;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.store.DamagedStoreException;
import ma.etamkeen.rihla.store.StoreException;

/** Turns a failure into the sentence a user reads, in their language: one place for the CLI and the UI. */
public final class Failures {
    private Failures() {
    }

    /**
     * @param value marks a value (a folder, a file name) placed in the sentence, e.g. to keep its
     *              left-to-right order in an Arabic window
     */
    public static String describe(Throwable failure, Messages messages, UnaryOperator<String> value) {
        Throwable cause = cause(failure);
        if (cause instanceof RejectedInput rejected) {
            Object[] args = rejected.args();
            for (int i = 0; i < args.length; i++) {
                if (args[i] instanceof RejectedInput.Term term) {
                    args[i] = messages.get(term.messageKey());
                }
            }
            return messages.format(rejected.messageKey(), args);
        }
        if (cause instanceof DamagedStoreException damaged) {
            return DamagedStore.whatHappened(damaged.damage(), messages, value) + " " + messages.get("damage.choose");
        }
        if (cause instanceof StoreException store) {
            return messages.format(store.reason().messageKey(), value.apply(store.detail()));
        }
        return messages.format("error.unexpected", value.apply(String.valueOf(cause.getMessage())));
    }

    /** The failure itself, out of the wrappers that background work puts around it. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
