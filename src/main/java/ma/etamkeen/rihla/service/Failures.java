package ma.etamkeen.rihla.service;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.RecordKind;
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
                    args[i] = term.messageKey().startsWith(FIELD) ? fieldLabel(term.messageKey().substring(FIELD.length()),
                            messages) : messages.get(term.messageKey());
                }
            }
            return messages.format(rejected.messageKey(), args);
        }
        if (cause instanceof DamagedStoreException damaged) {
            return DamagedStore.whatHappened(damaged.damage(), messages, value) + " " + messages.get("damage.choose");
        }
        if (cause instanceof StoreException store) {
            return messages.format(store.reason().messageKey(), value.apply(detail(store, messages)));
        }
        return messages.format("error.unexpected", value.apply(String.valueOf(cause.getMessage())));
    }

    /**
     * What goes in a store failure's sentence: its detail, and for {@code CHANGED_VALUE} the record the store
     * names ("SITE 1b4e28ba-… becode": table, id, slug or code if any) in the user's words, "Site becode,
     * 1b4e28ba-…" (the kind's label from {@code kind.<code>}).
     */
    public static String detail(StoreException failure, Messages messages) {
        return failure.reason() == StoreException.Reason.CHANGED_VALUE ? record(failure.detail(), messages)
                : failure.detail();
    }

    private static String record(String named, Messages messages) {
        String[] parts = String.valueOf(named).split(" ", 3);
        String kind = RecordKind.ofTable(parts[0]).map(known -> messages.get(known.messageKey())).orElse(parts[0]);
        if (parts.length == 1) {
            return kind;
        }
        return parts.length == 3 ? kind + " " + parts[2] + ", " + parts[1] : kind + " " + parts[1];
    }

    /**
     * What a field is called in the user's language ({@code field.<name>} in the bundles); a field in one
     * language ({@code title_ar}) is called after its text and the language: "Title (Arabic)".
     */
    public static String fieldLabel(String name, Messages messages) {
        String key = FIELD + name;
        if (messages.bundle().containsKey(key)) {
            return messages.get(key);
        }
        int underscore = name.lastIndexOf('_');
        String language = underscore < 0 ? "" : name.substring(underscore + 1);
        if (List.of("ar", "fr", "en").contains(language) && messages.bundle().containsKey(FIELD + name.substring(0, underscore))) {
            return messages.format("field.in-language", messages.get(FIELD + name.substring(0, underscore)),
                    messages.get("field.lang." + language));
        }
        return name;
    }

    private static final String FIELD = "field.";

    /** The failure itself, out of the wrappers that background work puts around it. */
    public static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
