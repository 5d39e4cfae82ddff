package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;

import ma.etamkeen.rihla.brief.Brief;
import ma.etamkeen.rihla.brief.Brief.Item;
import ma.etamkeen.rihla.brief.Brief.Kind;
import ma.etamkeen.rihla.brief.Brief.Section;
import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.brief.BriefPdf;
import ma.etamkeen.rihla.store.AtomicFiles;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Json;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.text.Fold;
import ma.etamkeen.rihla.text.Graphemes;

/**
 * The one-page brief of a site: what it says (assembled here from the site and what the delegates wrote),
 * the PDF, all briefs at once, and the options used last.
 */
public final class BriefService {
    private static final String LAST_OPTIONS = "brief.options";
    // Longest excerpts, in characters: a single item never takes more than a few lines.
    private static final int SUMMARY = 700;
    private static final int TITLE = 160;
    private static final int TEXT = 260;
    private static final int NOTE = 280;
    private static final int FACT = 220;

    /** Progress of writing all briefs: {@code done} of {@code total}. */
    public interface Progress {
        void update(int done, int total);
    }

    private final Database database;
    private final Catalog catalog;
    private final LessonService lessons;
    private final IdeaService ideas;
    private final NoteService notes;
    private final PeopleService people;
    private final SettingsRepository settings = new SettingsRepository();

    BriefService(Database database, Catalog catalog, LessonService lessons, IdeaService ideas, NoteService notes,
                 PeopleService people) {
        this.database = database;
        this.catalog = catalog;
        this.lessons = lessons;
        this.ideas = ideas;
        this.notes = notes;
        this.people = people;
    }

    /** The site with {@code slug}; an unknown slug is refused with the slugs that look like it. */
    public Site site(String slug) {
        return catalog.site(slug).orElseThrow(() -> {
            List<String> close = closeMatches(slug);
            return close.isEmpty()
                    ? new RejectedInput("brief.unknown-site", slug, String.join(", ", catalog.slugs()))
                    : new RejectedInput("brief.unknown-site.close", slug, String.join(", ", close));
        });
    }

    /** The slugs that look like {@code typed}: containing it, contained in it, or a few letters apart. */
    List<String> closeMatches(String typed) {
        String wanted = Fold.fold(typed);
        int typos = Math.max(1, wanted.length() / 3);
        return catalog.slugs().stream()
                .filter(slug -> slug.contains(wanted) || wanted.contains(slug) || distance(slug, wanted) <= typos)
                .sorted(Comparator.comparing((String slug) -> !slug.contains(wanted))
                        .thenComparingInt(slug -> distance(slug, wanted)))
                .limit(3).toList();
    }

    /** The brief of {@code site} as {@code options} ask, printed today. */
    public Brief assemble(Site site, BriefOptions options) {
        Language language = options.language();
        Messages messages = Messages.of(language);
        Visit visit = catalog.visit(site.visitId()).orElseThrow();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.formatLocale());
        List<Note> siteNotes = options.notes() ? notes.forSite(site.id()) : List.of();
        List<Section> sections = new ArrayList<>();
        String summary = site.summary().in(language);
        if (options.summary() && !summary.isBlank()) {
            sections.add(new Section(Kind.SUMMARY, messages.get("brief.summary"),
                    List.of(new Item("", "", shorten(summary, SUMMARY), "", site.summary().exactly(language) != null)),
                    null, n -> ""));
        }
        if (options.lessons()) {
            sections.add(new Section(Kind.LESSONS, messages.get("brief.lessons"), lessonItems(site), messages.get(
                    "brief.lessons.none"), n -> messages.format("brief.lessons.more", n)));
        }
        if (options.ideas()) {
            sections.add(new Section(Kind.IDEAS, messages.get("brief.ideas"), ideaItems(site, messages),
                    messages.get("brief.ideas.none"), n -> messages.format("brief.ideas.more", n)));
        }
        if (options.notes()) {
            sections.add(new Section(Kind.NOTES, messages.get("brief.notes"), noteItems(siteNotes, dates),
                    messages.get("brief.notes.none"), n -> messages.format("brief.notes.more", n)));
        }
        if (options.facts() && !site.facts().isEmpty()) {
            List<Item> facts = site.facts().stream().map(fact -> new Item("", "", shorten(fact.text().in(language), FACT),
                    host(fact), fact.text().exactly(language) != null)).toList();
            sections.add(new Section(Kind.FACTS, messages.get("brief.facts"), facts, null,
                    n -> messages.format("brief.facts.more", n)));
        }
        String level = messages.get(site.level().messageKey());
        String levelDetail = site.levelDetail().in(language);
        String facts = String.join(" · ", Stream.of(site.type().in(language),
                levelDetail.isBlank() ? level : level + " (" + levelDetail + ")", site.city().in(language))
                .filter(text -> !text.isBlank()).toList());
        String visitDates = visit.startsOn() == null ? "" : messages.format("brief.visit-dates",
                dates.format(visit.startsOn()), dates.format(visit.endsOn() == null ? visit.startsOn() : visit.endsOn()));
        List<LocalDate> noteDays = siteNotes.stream().map(Note::notedOn).filter(Objects::nonNull).distinct().sorted()
                .limit(3).toList();
        if (!noteDays.isEmpty()) {
            visitDates += (visitDates.isEmpty() ? "" : " · ") + messages.format("brief.notes-dates",
                    messages.list(noteDays.stream().map(dates::format).toList()));
        }
        String programme = visit.programme() == null ? "" : visit.programme();
        String footer = visit.delegationSize() == null || visit.administrationCount() == null
                ? messages.format("brief.footer.short", programme, visit.title().in(language))
                : messages.format("brief.footer", programme, visit.title().in(language), visit.delegationSize(),
                visit.administrationCount());
        String printed = messages.format("brief.printed", dates.format(LocalDate.now()));
        return new Brief(language, messages.format("brief.document-title", site.name().in(language)),
                site.name().in(language), otherNames(site, language), facts, visitDates,
                site.themes().stream().map(Theme::label).map(label -> label.in(language)).toList(), sections, footer,
                printed);
    }

    /** The brief of a site as a PDF, and what fitted on its page. */
    public BriefPdf.Rendered render(UUID siteId, BriefOptions options) {
        Site site = catalog.sites().stream().filter(s -> s.id().equals(siteId)).findFirst()
                .orElseThrow(() -> new RejectedInput("brief.unknown-site", siteId, ""));
        return BriefPdf.render(assemble(site, options));
    }

    /** Writes a PDF whole or not at all: a half-written file never takes the place of a good one. */
    public void write(byte[] pdf, Path file) {
        try {
            AtomicFiles.write(file, pdf);
        } catch (IOException e) {
            throw new RejectedInput("brief.cannot-write", file, e.getMessage());
        }
    }

    /**
     * Writes one PDF per site into {@code folder} ({@code slug.pdf}); stops between two briefs when
     * {@code cancelled}. Returns the files written.
     */
    public List<Path> writeAll(Path folder, BriefOptions options, Progress progress, BooleanSupplier cancelled) {
        List<Site> sites = catalog.sites();
        List<Path> written = new ArrayList<>();
        progress.update(0, sites.size());
        for (Site site : sites) {
            if (cancelled.getAsBoolean()) {
                break;
            }
            Path file = folder.resolve(site.slug() + ".pdf");
            write(BriefPdf.render(assemble(site, options)).pdf(), file);
            written.add(file);
            progress.update(written.size(), sites.size());
        }
        return written;
    }

    public BriefOptions lastOptions(Language fallback) {
        return database.read(tx -> settings.get(tx, LAST_OPTIONS)).map(text -> {
            try {
                return Json.MAPPER.readValue(text, BriefOptions.class);
            } catch (JsonProcessingException | RuntimeException e) {
                return null;  // an old or damaged setting: start afresh
            }
        }).orElse(BriefOptions.all(fallback));
    }

    public void rememberOptions(BriefOptions options) {
        try {
            String text = Json.MAPPER.writeValueAsString(options);
            database.write(tx -> {
                settings.put(tx, LAST_OPTIONS, text);
                return null;
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lessons that led to the most ideas first, then in the order they were written. */
    private List<Item> lessonItems(Site site) {
        Map<UUID, Long> ideasFrom = ideas.forSite(site.id()).stream().filter(idea -> idea.lessonId() != null)
                .collect(Collectors.groupingBy(Idea::lessonId, Collectors.counting()));
        return lessons.forSite(site.id()).stream()
                .sorted(Comparator.comparing((Lesson lesson) -> ideasFrom.getOrDefault(lesson.id(), 0L)).reversed())
                .map(lesson -> new Item(shorten(lesson.title(), TITLE), "", shorten(join(lesson.observed(),
                        lesson.whyItWorks()), TEXT)))
                .toList();
    }

    /** Adopted and piloted ideas first, then under study, proposed, dropped; higher impact first. */
    private List<Item> ideaItems(Site site, Messages messages) {
        Map<UUID, Administration> administrations = new HashMap<>();
        people.administrations().forEach(a -> administrations.put(a.id(), a));
        List<Idea.Status> order = List.of(Idea.Status.ADOPTED, Idea.Status.PILOTING, Idea.Status.UNDER_STUDY,
                Idea.Status.PROPOSED, Idea.Status.DROPPED);
        return ideas.forSite(site.id()).stream()
                .sorted(Comparator.comparing((Idea idea) -> order.indexOf(idea.status()))
                        .thenComparing(idea -> idea.impact() == null ? 9 : -idea.impact().ordinal()))
                .map(idea -> {
                    List<String> meta = new ArrayList<>();
                    String targets = messages.list(idea.targets().stream().map(administrations::get)
                            .filter(Objects::nonNull)
                            .map(a -> a.acronym() == null || a.acronym().isBlank() ? a.label(messages.language())
                                    : a.acronym())
                            .sorted().toList());
                    if (!targets.isEmpty()) {
                        meta.add(messages.format("brief.idea.targets", targets));
                    }
                    if (idea.status() != null) {
                        meta.add(messages.format("brief.idea.status",
                                messages.get("idea-status." + idea.status().code())));
                    }
                    return new Item(shorten(idea.title(), TITLE), String.join(" · ", meta),
                            shorten(idea.description(), TEXT));
                })
                .toList();
    }

    private List<Item> noteItems(List<Note> siteNotes, DateTimeFormatter dates) {
        Map<UUID, String> names = new HashMap<>();
        people.delegates().forEach(delegate -> names.put(delegate.id(), delegate.name()));
        return siteNotes.stream().filter(note -> !note.body().isBlank()).map(note -> {
            String meta = Stream.of(note.notedOn() == null ? null : dates.format(note.notedOn()),
                    note.authorId() == null ? null : names.get(note.authorId()))
                    .filter(Objects::nonNull).collect(Collectors.joining(" · "));
            return new Item("", meta, shorten(note.body(), NOTE));
        }).toList();
    }

    /** The site's names besides the title: the Arabic and the French one, unless they only repeat it. */
    private static String otherNames(Site site, Language language) {
        String title = Fold.fold(site.name().in(language));
        return Stream.of(site.name().ar(), site.name().fr())
                .filter(name -> name != null && !name.isBlank() && !Fold.fold(name).equals(title))
                .distinct().collect(Collectors.joining(" · "));
    }

    private static String host(SiteFact fact) {
        if (fact.source() == null) {
            return "";
        }
        try {
            String host = URI.create(fact.source()).getHost();
            return host == null ? fact.source() : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return fact.source();
        }
    }

    private static String join(String... parts) {
        return Stream.of(parts).filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(" "));
    }

    /**
     * At most {@code max} characters, cut between words with a visible "…"; spaces made single, lines kept
     * (each line of a note keeps its own direction on the page).
     */
    static String shorten(String text, int max) {
        if (text == null) {
            return "";
        }
        String single = text.strip().replaceAll("\\r\\n?|[\\u0085\\u2028\\u2029]", "\n")  // every line break is one
                .replaceAll("[\\p{Zs}\\t\\x0B\\f]+", " ").replaceAll(" ?\n[\\s]*", "\n");
        if (single.length() <= max) {
            return single;
        }
        int cut = Math.max(single.lastIndexOf(' ', max - 1), single.lastIndexOf('\n', max - 1));
        return single.substring(0, cut > max / 2 ? cut : Graphemes.boundaryAtOrBefore(single, max - 1)).stripTrailing() + "…";
    }

    /** Letters to change to turn one word into the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + change);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
