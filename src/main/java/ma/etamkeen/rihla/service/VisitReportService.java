package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.brief.BriefPdf;
import ma.etamkeen.rihla.brief.VisitReportPdf;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;

/**
 * The report of a visit (the {@code report} command): one PDF booklet with a cover and table of contents, each
 * site's brief, and the action plan of every administration the visit's ideas target, bookmarked
 * ({@link VisitReportPdf}).
 */
public final class VisitReportService {
    private final Catalog catalog;
    private final IdeaService ideas;
    private final PeopleService people;
    private final BriefService briefs;
    private final ActionPlanService plans;

    VisitReportService(Catalog catalog, IdeaService ideas, PeopleService people, BriefService briefs,
                       ActionPlanService plans) {
        this.catalog = catalog;
        this.ideas = ideas;
        this.people = people;
        this.briefs = briefs;
        this.plans = plans;
    }

    /**
     * The visit whose code is {@code code}.
     *
     * @throws RejectedInput {@code cli.error.unknown-visit}, naming the codes known
     */
    public Visit visit(String code) {
        return catalog.visit(code).orElseThrow(() -> new RejectedInput("cli.error.unknown-visit", code,
                String.join(", ", catalog.visits().stream().map(Visit::code).toList())));
    }

    /** The report of {@code visit} in {@code language}, as PDF bytes. */
    public byte[] render(Visit visit, Language language) {
        Messages messages = Messages.of(language);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.formatLocale());
        List<Site> sites = catalog.sites(visit.id());
        List<VisitReportPdf.Part> siteParts = new ArrayList<>();
        for (Site site : sites) {
            BriefPdf.Rendered brief = BriefPdf.render(briefs.assemble(site, BriefOptions.all(language)));
            siteParts.add(new VisitReportPdf.Part(site.name().in(language), brief.pdf()));
        }
        Set<UUID> siteIds = new LinkedHashSet<>(sites.stream().map(Site::id).toList());
        Set<UUID> targeted = new LinkedHashSet<>();
        for (Idea idea : ideas.all()) {
            if (siteIds.contains(idea.siteId())) {
                targeted.addAll(idea.targets());
            }
        }
        Map<UUID, Administration> administrations = new HashMap<>();
        people.administrations().forEach(a -> administrations.put(a.id(), a));
        List<VisitReportPdf.Part> planParts = new ArrayList<>();
        targeted.stream().map(administrations::get).filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing((Administration a) -> a.shortName(language)))
                .forEach(a -> planParts.add(new VisitReportPdf.Part(a.label(language), plans.render(a, language))));

        List<String> lines = new ArrayList<>();
        if (visit.programme() != null && !visit.programme().isBlank()) {
            lines.add(visit.programme());
        }
        String where = String.join(" · ", java.util.stream.Stream.of(visit.country().in(language),
                visit.cities().in(language)).filter(text -> !text.isBlank()).toList());
        if (!where.isEmpty()) {
            lines.add(where);
        }
        if (visit.startsOn() != null) {
            lines.add(messages.format("brief.visit-dates", dates.format(visit.startsOn()),
                    dates.format(visit.endsOn() == null ? visit.startsOn() : visit.endsOn())));
        }
        lines.add(messages.format("report.printed", dates.format(java.time.LocalDate.now()), sites.size(),
                planParts.size()));
        String title = visit.title().in(language);
        return VisitReportPdf.render(new VisitReportPdf.Front(language, messages.format("report.document-title", title),
                title, lines, messages.get("report.contents"), messages.get("report.sites"), messages.get("report.plans"),
                messages.get("report.toc-line")), siteParts, planParts);
    }

    /**
     * Writes the report of {@code visit} to {@code file}, whole or not at all.
     *
     * @throws RejectedInput {@code brief.cannot-write} when it cannot be written
     */
    public void write(Visit visit, Language language, Path file) {
        briefs.write(render(visit, language), file);
    }
}
