package ma.etamkeen.rihla.service;

import java.text.Collator;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;

/**
 * The practices table in words, in one language: each practice as a {@link Row} (the window's table, the
 * spreadsheet), and the values of each facet, labelled and in the order offered.
 */
public final class PracticeLabels {

    /**
     * A row of the practices table, every column already in words ({@code themes} and {@code targets} joined
     * with ", "; {@code status} empty for a lesson learned; {@code date} when it was written).
     */
    public record Row(Practice practice, String title, String kind, String site, String city, String themes,
                      String targets, String status, String author, Instant date) {
    }

    private final Language language;
    private final Messages messages;
    private final Collator collator;
    private final List<Visit> visits;
    private final List<Site> sites;
    private final Map<UUID, Site> siteById = new HashMap<>();
    private final List<Theme> themes;
    private final Map<String, Theme> themeByCode = new HashMap<>();
    private final List<Administration> administrations;
    private final Map<UUID, Administration> administrationById = new HashMap<>();
    private final List<Delegate> delegates;
    private final Map<UUID, Delegate> delegateById = new HashMap<>();

    /** The labels of what {@code workspace} holds, in {@code language}. */
    public static PracticeLabels of(Workspace workspace, Language language, Messages messages) {
        return new PracticeLabels(language, messages, workspace.catalog().visits(), workspace.catalog().sites(),
                workspace.catalog().themes(), workspace.people().administrations(), workspace.people().delegates());
    }

    private PracticeLabels(Language language, Messages messages, List<Visit> visits, List<Site> sites,
                           List<Theme> themes, List<Administration> administrations, List<Delegate> delegates) {
        this.language = language;
        this.visits = visits;
        this.messages = messages;
        this.collator = Collator.getInstance(language.locale());
        this.sites = sites;
        this.themes = themes;
        this.administrations = administrations;
        this.delegates = delegates;
        sites.forEach(site -> siteById.put(site.id(), site));
        themes.forEach(theme -> themeByCode.put(theme.code(), theme));
        administrations.forEach(a -> administrationById.put(a.id(), a));
        delegates.forEach(d -> delegateById.put(d.id(), d));
    }

    /** Every value of a facet, zero or not, keyed as the filter keys them, in the order offered. */
    public Map<String, String> values(Facet facet) {
        Map<String, String> values = new LinkedHashMap<>();
        switch (facet) {
            case VISIT -> visits.forEach(visit -> values.put(visit.id().toString(), visit.title().in(language)));
            case THEME -> themes.stream().filter(theme -> !theme.hidden())
                    .forEach(theme -> values.put(theme.code(), theme.label().in(language)));
            case CITY -> sorted(sites.stream().collect(Collectors.toMap(site -> site.city().in(Language.EN),
                    site -> site.city().in(language), (a, b) -> a)), values);
            case SITE -> sorted(sites.stream().collect(Collectors.toMap(site -> site.id().toString(),
                    site -> site.name().in(language))), values);
            case LEVEL -> {
                for (GovernmentLevel level : GovernmentLevel.values()) {
                    values.put(level.code(), messages.get(level.messageKey()));
                }
            }
            case TARGET -> {
                sorted(administrations.stream().collect(Collectors.toMap(a -> a.id().toString(),
                        a -> a.label(language))), values);
                values.put(PracticeFilter.NONE, messages.get("practices.no-target"));
            }
            case STATUS -> {
                for (Idea.Status status : Idea.Status.values()) {
                    values.put(status.code(), messages.get("idea-status." + status.code()));
                }
                values.put(PracticeFilter.NONE, messages.get("practices.no-status"));
            }
            case AUTHOR -> {
                sorted(delegates.stream().collect(Collectors.toMap(d -> d.id().toString(), Delegate::name)), values);
                values.put(PracticeFilter.NONE, messages.get("practices.no-author"));
            }
            case KIND -> {
                values.put(EntryKind.LESSON.code(), messages.get("kind.lesson"));
                values.put(EntryKind.IDEA.code(), messages.get("kind.idea"));
            }
        }
        return values;
    }

    private void sorted(Map<String, String> labels, Map<String, String> into) {
        labels.entrySet().stream().sorted(Map.Entry.comparingByValue(collator))
                .forEach(entry -> into.put(entry.getKey(), entry.getValue()));
    }

    /** A value no list knows any more (a remembered filter on a removed administration). */
    public String unknown(Facet facet, String key) {
        return PracticeFilter.NONE.equals(key) ? "—" : messages.get("practices.unknown-value");
    }

    /** The row of {@code practice}. */
    public Row row(Practice practice) {
        Site site = siteById.get(practice.siteId());
        String themeLabels = messages.list(practice.themes().stream().map(themeByCode::get).filter(Objects::nonNull)
                .sorted(Comparator.comparing(themes::indexOf)).map(theme -> theme.label().in(language)).toList());
        String targets = messages.list(practice.targets().stream().map(administrationById::get)
                .filter(Objects::nonNull).map(a -> a.shortName(language)).sorted(collator).toList());
        Delegate author = practice.authorId() == null ? null : delegateById.get(practice.authorId());
        return new Row(practice, practice.title(), messages.get("kind." + practice.kind().code()),
                site == null ? "" : site.name().in(language), site == null ? "" : site.city().in(language),
                themeLabels, targets,
                practice.status() == null ? "" : messages.get("idea-status." + practice.status().code()),
                author == null ? "" : author.name(), practice.createdAt());
    }
}
