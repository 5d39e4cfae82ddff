package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.brief.ActionPlan;
import ma.etamkeen.rihla.brief.ActionPlanPdf;
import ma.etamkeen.rihla.brief.Brief;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.StatusChange;
import ma.etamkeen.rihla.model.Visit;

/**
 * The action plan of a Moroccan administration (File ▸ Action plan…, the {@code plan} command): every idea for
 * transfer that targets it, grouped by status, with where it comes from, its owner, effort, impact,
 * prerequisites and last status change, as a PDF of as many pages as it takes ({@link ActionPlanPdf}).
 */
public final class ActionPlanService {
    private final Catalog catalog;
    private final IdeaService ideas;
    private final LessonService lessons;
    private final PeopleService people;
    private final BriefService briefs;

    ActionPlanService(Catalog catalog, IdeaService ideas, LessonService lessons, PeopleService people, BriefService briefs) {
        this.catalog = catalog;
        this.ideas = ideas;
        this.lessons = lessons;
        this.people = people;
        this.briefs = briefs;
    }

    /**
     * The administration whose acronym is {@code acronym} (case and spaces aside).
     *
     * @throws RejectedInput {@code plan.unknown-administration}, naming the acronyms known
     */
    public Administration administration(String acronym) {
        List<Administration> known = people.administrations();
        return known.stream().filter(a -> a.acronym() != null && a.acronym().strip().equalsIgnoreCase(acronym.strip()))
                .findFirst().orElseThrow(() -> new RejectedInput("plan.unknown-administration", acronym,
                        String.join(", ", known.stream().map(Administration::acronym)
                                .filter(a -> a != null && !a.isBlank()).sorted().toList())));
    }

    /** The action plan of {@code administration} in {@code language}, printed today. */
    public ActionPlan assemble(Administration administration, Language language) {
        Messages messages = Messages.of(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.formatLocale());
        List<Idea> targeting = ideas.all().stream().filter(idea -> idea.targets().contains(administration.id())).toList();
        Map<UUID, List<StatusChange>> history = ideas.history(targeting.stream().map(Idea::id).toList());
        Map<UUID, Site> sites = new HashMap<>();
        catalog.sites().forEach(site -> sites.put(site.id(), site));
        Map<UUID, Lesson> lessonsById = new HashMap<>();
        targeting.stream().map(Idea::siteId).distinct()
                .forEach(site -> lessons.forSite(site).forEach(lesson -> lessonsById.put(lesson.id(), lesson)));

        Set<String> visits = new LinkedHashSet<>();
        List<ActionPlan.Group> groups = new ArrayList<>();
        for (Idea.Status status : Idea.Status.values()) {
            List<Brief.Item> items = new ArrayList<>();
            for (Idea idea : targeting) {
                if (idea.status() != status) {
                    continue;
                }
                Site site = sites.get(idea.siteId());
                if (site != null) {
                    catalog.visit(site.visitId()).map(Visit::title).map(title -> title.in(language)).ifPresent(visits::add);
                }
                items.add(item(idea, site, lessonsById.get(idea.lessonId()), history.getOrDefault(idea.id(), List.of()),
                        language, messages, dates));
            }
            if (!items.isEmpty()) {
                groups.add(new ActionPlan.Group(messages.get("idea-status." + status.code()), items));
            }
        }
        String name = administration.label(language);
        return new ActionPlan(language, messages.format("plan.document-title", name), messages.get("plan.title"), name,
                List.copyOf(visits), messages.format("plan.printed", dates.format(LocalDate.now()), targeting.size()),
                groups, messages.get("plan.empty"), messages.format("plan.footer", name), messages.get("plan.page"));
    }

    private static Brief.Item item(Idea idea, Site site, Lesson lesson, List<StatusChange> history, Language language,
                                   Messages messages, DateTimeFormatter dates) {
        String where = site == null ? "" : site.name().in(language);
        String from = lesson == null ? where : messages.format("plan.from", where, lesson.title());
        String none = messages.get("plan.none");
        List<String> lines = new ArrayList<>();
        lines.add(messages.format("plan.details", blank(idea.owner()) ? none : idea.owner().strip(),
                idea.effort() == null ? none : messages.get("effort." + idea.effort().name().toLowerCase(Locale.ROOT)),
                idea.impact() == null ? none : messages.get("impact." + idea.impact().code())));
        if (!blank(idea.prerequisites())) {
            lines.add(messages.format("plan.prerequisites", idea.prerequisites().strip()));
        }
        StatusChange last = history.isEmpty() ? null : history.get(history.size() - 1);
        if (last != null && last.status() == idea.status()) {
            lines.add(messages.format("board.moved", messages.get("idea-status." + last.status().code()),
                    dates.format(last.at().atZone(java.time.ZoneId.systemDefault())), last.by()));
        }
        return new Brief.Item(idea.title(), from, String.join("\n", lines));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** The action plan of {@code administration} as PDF bytes. */
    public byte[] render(Administration administration, Language language) {
        return ActionPlanPdf.render(assemble(administration, language));
    }

    /**
     * Writes the action plan to {@code file}, whole or not at all.
     *
     * @throws RejectedInput {@code brief.cannot-write} when it cannot be written
     */
    public void write(Administration administration, Language language, Path file) {
        briefs.write(render(administration, language), file);
    }
}
