package ma.etamkeen.rihla.brief;

import ma.etamkeen.rihla.i18n.Language;

/** What a brief shows: its language and which sections (notes are often private, so they can stay out). */
public record BriefOptions(Language language, boolean summary, boolean facts, boolean lessons, boolean ideas,
                           boolean notes) {

    public static BriefOptions all(Language language) {
        return new BriefOptions(language, true, true, true, true, true);
    }

    public BriefOptions withLanguage(Language chosen) {
        return new BriefOptions(chosen, summary, facts, lessons, ideas, notes);
    }

    public boolean shows(Brief.Kind kind) {
        return switch (kind) {
            case SUMMARY -> summary;
            case FACTS -> facts;
            case LESSONS -> lessons;
            case IDEAS -> ideas;
            case NOTES -> notes;
        };
    }
}
