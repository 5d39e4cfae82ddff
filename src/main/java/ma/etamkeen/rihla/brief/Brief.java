package ma.etamkeen.rihla.brief;

import java.util.List;
import java.util.function.IntFunction;

import ma.etamkeen.rihla.i18n.Language;

/**
 * Everything one brief says, already in words of its language: the header of the site, the sections, the
 * footer. What does not fit on the page is decided when it is laid out ({@link BriefFit}).
 *
 * @param documentTitle the PDF's title
 * @param names         the site's names in the other languages (Arabic and French are always there)
 * @param facts         type, level of government, city
 * @param dates         the visit dates, and when the notes were taken
 */
public record Brief(Language language, String documentTitle, String title, String names, String facts, String dates,
                    List<String> themes, List<Section> sections, String footer, String printed) {

    public Brief {
        themes = List.copyOf(themes);
        sections = List.copyOf(sections);
    }

    /**
     * A part of the brief. Items come best first: when the page is full, the last ones give way to a line
     * saying how many more there are.
     *
     * @param empty what to say when there are no items (null: leave the section out)
     * @param more  the line for items left out, given how many
     */
    public record Section(Kind kind, String heading, List<Item> items, String empty, IntFunction<String> more) {
        public Section {
            items = List.copyOf(items);
        }
    }

    /** The sections, in the order of the page. */
    public enum Kind { SUMMARY, LESSONS, IDEAS, NOTES, FACTS }

    /**
     * One entry: a title, a line about it (targets and status of an idea, date and author of a note), an
     * excerpt of its text (its lines kept) and where it comes from; any may be empty. {@code inBriefLanguage}:
     * the text is written in the brief's language (a site's summary or fact in that language), so it reads in
     * the brief's direction even where it begins with a Latin name ("APICA: توأم رقمي…"); the delegates' own
     * words read in the direction of their first letter (UAX #9 P2, {@link ma.etamkeen.rihla.text.Direction}).
     */
    public record Item(String title, String meta, String text, String source, boolean inBriefLanguage) {
        public Item(String title, String meta, String text, String source) {
            this(title, meta, text, source, false);
        }

        public Item(String title, String meta, String text) {
            this(title, meta, text, "");
        }
    }
}
