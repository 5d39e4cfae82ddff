package ma.etamkeen.rihla.ui.site;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.ui.attachments.AttachmentsViewModel;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.ui.ideas.IdeasViewModel;
import ma.etamkeen.rihla.ui.lessons.LessonsViewModel;
import ma.etamkeen.rihla.ui.notes.NotesViewModel;
import ma.etamkeen.rihla.ui.trash.TrashViewModel;

/**
 * The selected site: its overview in the UI language, and the view models of its tabs (notes, lessons,
 * ideas, attachments, trash), which follow the site.
 */
public final class SiteDetailViewModel {

    /**
     * One labelled value; {@code link} values are web addresses. {@code toConfirm} is the field of the site it
     * shows when that field is marked "to be confirmed" (null otherwise).
     */
    public record Row(String label, String value, Site.Field toConfirm, boolean link) {
    }

    /** A fact, where it comes from, and the fact itself (to confirm it). */
    public record Fact(String text, String source, boolean toConfirm, SiteFact fact) {
    }

    /** The tabs of the site pane, in their order. */
    public enum SiteTab { OVERVIEW, NOTES, LESSONS, IDEAS, ATTACHMENTS, TRASH }

    /** The whole pane; {@code null} detail means nothing is selected. */
    public record Detail(String title, String subtitle, List<Row> rows, String summary, List<String> themes,
                         List<Fact> facts) {
    }

    private final UiLanguage language;
    private final WindowContext context;
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>(this, "site");
    private final ObjectProperty<SiteTab> tab = new SimpleObjectProperty<>(this, "tab", SiteTab.OVERVIEW);
    private final ObjectBinding<Detail> detail;
    private final NotesViewModel notes;
    private final LessonsViewModel lessons;
    private final IdeasViewModel ideas;
    private final AttachmentsViewModel attachments;
    private final TrashViewModel trash;

    public SiteDetailViewModel(WindowContext context) {
        this.language = context.language();
        this.context = context;
        this.detail = Bindings.createObjectBinding(() -> describe(site.get()), site, language.languageProperty());
        this.notes = new NotesViewModel(context);
        this.lessons = new LessonsViewModel(context);
        this.ideas = new IdeasViewModel(context);
        this.attachments = new AttachmentsViewModel(context);
        this.trash = new TrashViewModel(context, false, new ViewScope());  // follows the window for its whole life
        notes.siteProperty().bind(site);
        lessons.siteProperty().bind(site);
        ideas.siteProperty().bind(site);
        attachments.siteProperty().bind(site);
        trash.siteProperty().bind(site);
    }

    public NotesViewModel notes() {
        return notes;
    }

    public LessonsViewModel lessons() {
        return lessons;
    }

    public IdeasViewModel ideas() {
        return ideas;
    }

    public AttachmentsViewModel attachments() {
        return attachments;
    }

    public TrashViewModel trash() {
        return trash;
    }

    /** The tab shown. */
    public ObjectProperty<SiteTab> tabProperty() {
        return tab;
    }

    /**
     * Shows something found elsewhere (a search hit, a practice) in its tab, selected; the site must be
     * chosen first.
     */
    public void reveal(SearchKind kind, UUID id) {
        switch (kind) {
            case SITE -> tab.set(SiteTab.OVERVIEW);
            case NOTE -> {
                tab.set(SiteTab.NOTES);
                notes.reveal(id);
            }
            case LESSON -> {
                tab.set(SiteTab.LESSONS);
                lessons.reveal(id);
            }
            case IDEA -> {
                tab.set(SiteTab.IDEAS);
                ideas.reveal(id);
            }
            case ATTACHMENT -> {
                tab.set(SiteTab.ATTACHMENTS);
                attachments.reveal(id);
            }
        }
    }

    /** Saves every edit still waiting (before leaving the site, closing the window, restoring a backup). */
    public void flush() {
        notes.flush();
        lessons.flush();
        ideas.flush();
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    /** Confirms a field of the site marked "to be confirmed", as it stands (who and when are kept). */
    public void confirm(Site.Field field) {
        Site shown = site.get();
        if (shown != null) {
            context.background().write(workspace -> workspace.knowledge().confirm(shown.id(), field), confirmed -> {
                context.saveStatus().info(language.messages().get("site.confirmed"));
                context.knowledgeChanged();
            });
        }
    }

    /** Confirms a fact marked "to be confirmed", as it stands. */
    public void confirm(SiteFact fact) {
        context.background().write(workspace -> workspace.knowledge().confirmFact(fact), confirmed -> {
            context.saveStatus().info(language.messages().get("site.confirmed"));
            context.knowledgeChanged();
        });
    }

    public ObjectBinding<Detail> detailBinding() {
        return detail;
    }

    public Detail detail() {
        return detail.get();
    }

    private Detail describe(Site s) {
        if (s == null) {
            return null;
        }
        Language lang = language.get();
        Messages messages = language.messages();
        String unknown = messages.get("site.unknown");
        String level = messages.get(s.level().messageKey());
        String levelDetail = s.levelDetail().in(lang);
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(messages.get("site.name.ar"), orElse(s.name().ar(), unknown), mark(s, Site.Field.NAME), false));
        rows.add(new Row(messages.get("site.name.fr"), orElse(s.name().fr(), unknown), mark(s, Site.Field.NAME), false));
        rows.add(new Row(messages.get("site.name.original"), orElse(s.originalName(), unknown), mark(s, Site.Field.NAME), false));
        rows.add(new Row(messages.get("site.type"), orElse(s.type().in(lang), unknown), null, false));
        rows.add(new Row(messages.get("site.level"), levelDetail.isEmpty() ? level : level + " — " + levelDetail,
                mark(s, Site.Field.LEVEL), false));
        rows.add(new Row(messages.get("site.city"), orElse(s.city().in(lang), unknown), mark(s, Site.Field.CITY), false));
        rows.add(new Row(messages.get("site.address"), orElse(s.address(), unknown), mark(s, Site.Field.ADDRESS), false));
        rows.add(new Row(messages.get("site.website"), orElse(s.website(), unknown), mark(s, Site.Field.WEBSITE),
                s.website() != null));
        List<String> themes = s.themes().stream().map(Theme::label).map(label -> label.in(lang)).toList();
        List<Fact> facts = new ArrayList<>();
        for (SiteFact fact : s.facts()) {
            facts.add(new Fact(fact.text().in(lang), fact.source(), fact.toConfirm(), fact));
        }
        return new Detail(s.name().in(lang), s.type().in(lang) + " · " + s.city().in(lang), rows, s.summary().in(lang),
                themes, facts);
    }

    private static Site.Field mark(Site site, Site.Field field) {
        return site.isToConfirm(field) ? field : null;
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
