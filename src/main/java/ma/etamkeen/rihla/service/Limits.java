package ma.etamkeen.rihla.service;

/** How much the app stores per field and per file; beyond this, input is refused with a message. */
public final class Limits {
    /** A title or a name. */
    public static final int TITLE_CHARS = 300;
    /** A note or a long field: about 40 printed pages. */
    public static final int TEXT_CHARS = 100_000;
    /** One attached file. */
    public static final long ATTACHMENT_BYTES = 50L * 1024 * 1024;
    /**
     * Deletions one import makes without asking for them one by one: more than this in all, or more than a
     * tenth of one author's entries here (when that is more than {@link #FEW_DELETIONS}), must be confirmed.
     */
    public static final int DELETIONS_WITHOUT_ASKING = 10;
    public static final int FEW_DELETIONS = 3;

    private Limits() {
    }

    /** Checks a required title; returns it trimmed. */
    static String title(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw new RejectedInput("input.title-required");
        }
        if (trimmed.length() > TITLE_CHARS) {
            throw new RejectedInput("input.title-too-long", trimmed.length(), TITLE_CHARS);
        }
        return trimmed;
    }

    /** Checks an optional short text (owner, acronym ...). */
    static String shortText(String text) {
        if (text != null && text.length() > TITLE_CHARS) {
            throw new RejectedInput("input.title-too-long", text.length(), TITLE_CHARS);
        }
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Checks a long text (a note, an observation ...). */
    static String text(String text) {
        if (text != null && text.length() > TEXT_CHARS) {
            throw new RejectedInput("input.text-too-long", text.length(), TEXT_CHARS);
        }
        return text;
    }
}
