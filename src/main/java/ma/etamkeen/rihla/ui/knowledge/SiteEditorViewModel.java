package ma.etamkeen.rihla.ui.knowledge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.SiteFact;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.KnowledgeBase;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * A site being added or edited: every field of it, its themes and its facts, saved together with Save. The
 * texts are kept by column name ({@code name_ar}, {@code address} ...) as the field model
 * ({@link RecordKind#SITE}) names them, which also gives their length limits and says whether anything changed.
 * A new site's short name (slug) follows its French name, else its English or original one, until typed.
 */
public final class SiteEditorViewModel {
    /** The text columns the form edits otherwise: the short name, the level (a choice), the marks. */
    private static final Set<String> NOT_TYPED = Set.of("slug", "level", "to_confirm", "confirmations");

    /** A fact as it is being edited; {@code original} is null for a fact added in this editor. */
    public static final class FactDraft {
        private final SiteFact original;
        private final Map<String, StringProperty> texts = new LinkedHashMap<>();

        FactDraft(SiteFact original) {
            this.original = original;
            Localized text = original == null ? Localized.EMPTY : original.text();
            texts.put("text_ar", new SimpleStringProperty(text.ar()));
            texts.put("text_fr", new SimpleStringProperty(text.fr()));
            texts.put("text_en", new SimpleStringProperty(text.en()));
            texts.put("source", new SimpleStringProperty(original == null ? null : original.source()));
        }

        /** Its texts by column name: {@code text_ar}, {@code text_fr}, {@code text_en}, {@code source}. */
        public Map<String, StringProperty> texts() {
            return texts;
        }

        /** Whether it is marked "to be confirmed" (editing it takes the mark off when saved). */
        public boolean toConfirm() {
            return original != null && original.toConfirm();
        }

        SiteFact toFact(UUID siteId, int position) {
            return new SiteFact(original == null ? null : original.id(), siteId, position,
                    new Localized(texts.get("text_ar").get(), texts.get("text_fr").get(), texts.get("text_en").get()),
                    DraftTexts.blankToNull(texts.get("source").get()), toConfirm(), original == null ? null : original.confirmation());
        }

        boolean isEmpty() {
            return texts.values().stream().allMatch(text -> DraftTexts.blankToNull(text.get()) == null);
        }
    }

    private final WindowContext context;
    private final Site original;  // null for a new site
    private final UUID visitId;
    private final DraftTexts texts;
    private final ObjectProperty<GovernmentLevel> level = new SimpleObjectProperty<>(this, "level");
    private final StringProperty slug = new SimpleStringProperty(this, "slug", "");
    private final ObservableSet<String> themes = FXCollections.observableSet();
    private final ObservableList<FactDraft> facts = FXCollections.observableArrayList();
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Site initial;
    private final List<SiteFact> initialFacts;
    private boolean slugTyped;

    private SiteEditorViewModel(WindowContext context, Site original, UUID visitId) {
        this.context = context;
        this.original = original;
        this.visitId = original != null ? original.visitId() : visitId;
        this.texts = new DraftTexts(RecordKind.SITE, original, NOT_TYPED);
        level.set(original == null ? GovernmentLevel.NATIONAL : original.level());
        if (original != null) {
            slug.set(original.slug());
            themes.addAll(original.themeCodes());
            original.facts().forEach(fact -> facts.add(new FactDraft(fact)));
        } else {
            for (String source : List.of("name_fr", "name_en", "name_original")) {
                texts.all().get(source).addListener((obs, old, now) -> suggestSlug());
            }
        }
        this.initial = draft();
        this.initialFacts = draftFacts();
    }

    /** An editor of a new site of the visit {@code visitId}. */
    public static SiteEditorViewModel newSite(WindowContext context, UUID visitId) {
        return new SiteEditorViewModel(context, null, visitId);
    }

    /** An editor of {@code site}, as stored. */
    public static SiteEditorViewModel edit(WindowContext context, Site site) {
        return new SiteEditorViewModel(context, site, null);
    }

    /** Whether the site is not stored yet (its short name may still be typed). */
    public boolean isNew() {
        return original == null;
    }

    /** The site as stored, or null for a new one. */
    public Site original() {
        return original;
    }

    /** The texts by column name, in the field model's order. */
    public Map<String, StringProperty> texts() {
        return texts.all();
    }

    /** The longest text the column {@code name} takes (the field model's limit, the column's own). */
    public static int maxChars(RecordKind<?> kind, String name) {
        return kind.field(name).map(Field::maxChars).filter(max -> max > 0).orElse(Integer.MAX_VALUE);
    }

    /** The level of government chosen (national for a new site). */
    public ObjectProperty<GovernmentLevel> levelProperty() {
        return level;
    }

    /** The short name (slug) of the site: typed for a new site, fixed once it exists. */
    public StringProperty slugProperty() {
        return slug;
    }

    /** The user typed a short name of their own: it no longer follows the name. */
    public void slugTyped() {
        slugTyped = true;
    }

    private void suggestSlug() {
        if (!slugTyped) {
            slug.set(KnowledgeBase.slugOf(texts.firstOf("name_fr", "name_en", "name_original")));
        }
    }

    /** The codes of the site's themes. */
    public ObservableSet<String> themes() {
        return themes;
    }

    /** The site's facts as edited, in their order. */
    public ObservableList<FactDraft> facts() {
        return facts;
    }

    /** Adds an empty fact at the end; returns it. */
    public FactDraft addFact() {
        FactDraft fact = new FactDraft(null);
        facts.add(fact);
        return fact;
    }

    /** Takes a fact off the list; it is removed from the site when saved. */
    public void removeFact(FactDraft fact) {
        facts.remove(fact);
    }

    /** Whether a field is marked "to be confirmed" on the stored site. */
    public boolean isToConfirm(Site.Field field) {
        return original != null && original.isToConfirm(field);
    }

    /** While saving: the form waits. */
    public BooleanProperty busyProperty() {
        return busy;
    }

    /** The site as the form says. */
    public Site draft() {
        List<Theme> chosen = context.themes().stream().filter(theme -> themes.contains(theme.code())).toList();
        return new Site(original == null ? null : original.id(), visitId, slug.get() == null ? "" : slug.get().strip(),
                texts.localized("name"), texts.text("name_original"), texts.localized("type"), level.get(),
                texts.localized("level_detail"), texts.localized("city"), texts.text("address"), texts.text("website"),
                texts.localized("summary"), chosen,
                original == null ? List.of() : original.facts(),
                original == null ? Set.of() : original.toConfirm(), original == null ? Map.of() : original.confirmations());
    }

    /** The facts as the form says, in order; empty ones left out. */
    public List<SiteFact> draftFacts() {
        List<SiteFact> drafted = new ArrayList<>();
        UUID siteId = original == null ? null : original.id();
        for (FactDraft fact : facts) {
            if (!fact.isEmpty()) {
                drafted.add(fact.toFact(siteId, drafted.size() + 1));
            }
        }
        return drafted;
    }

    /** Whether saving would change anything (compared field by field, as the field model describes them). */
    public boolean isDirty() {
        if (RecordKind.SITE.differs(draft(), initial)) {
            return true;
        }
        List<SiteFact> now = draftFacts();
        if (now.size() != initialFacts.size()) {
            return true;
        }
        for (int i = 0; i < now.size(); i++) {
            if (RecordKind.FACT.differs(now.get(i), initialFacts.get(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Saves the site and its facts; {@code saved} gets the site as stored, {@code refused} the reason in the
     * user's language (a name missing, a short name taken, a text too long ...).
     */
    public void save(Consumer<String> refused, Consumer<Site> saved) {
        Site site = draft();
        List<SiteFact> drafted = draftFacts();
        busy.set(true);
        context.background().write(workspace -> workspace.knowledge().saveSite(site, drafted), stored -> {
            busy.set(false);
            context.saveStatus().info(context.language().messages().format(isNew() ? "site.added" : "site.saved",
                    stored.name().in(context.language().get())));
            context.knowledgeChanged();
            saved.accept(stored);
        }, failure -> {
            busy.set(false);
            refused.accept(context.describe(failure));
        });
    }
}
