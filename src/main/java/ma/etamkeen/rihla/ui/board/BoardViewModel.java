package ma.etamkeen.rihla.ui.board;

import java.nio.file.Path;
import java.text.Collator;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.StatusChange;
import ma.etamkeen.rihla.service.PracticeLabels;
import ma.etamkeen.rihla.service.PracticeSpreadsheet;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The progress board: every idea for transfer as a card in the column of its status (proposed, under study,
 * piloting, adopted, dropped), narrowed by visit, target administration, theme and owner. Moving a card changes
 * the idea's status; the move is kept with who and when, and the card says it ("Adopted on 12 March 2023, by
 * …"). Cards are made off the JavaFX thread, in the UI language, and made again after any change to the store.
 */
public final class BoardViewModel {

    /** A card: the idea, and what it shows (site, targets, owner, its last move; empty when none is known). */
    public record Card(Idea idea, String title, String site, String targets, String owner, String lastMove) {
    }

    /** A value a filter can take: the key it goes by (null: all), and its label. */
    public record Choice(String key, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** What the filters choose from, and every card before filtering. */
    private record Loaded(List<Card> cards, Map<UUID, UUID> visitBySite, List<Choice> visits, List<Choice> targets,
                          List<Choice> themes, List<Choice> owners) {
    }

    private final WindowContext context;
    private final Map<Idea.Status, ObservableList<Card>> columns = new EnumMap<>(Idea.Status.class);
    private final ObjectProperty<Choice> visit = new SimpleObjectProperty<>(this, "visit");
    private final ObjectProperty<Choice> target = new SimpleObjectProperty<>(this, "target");
    private final ObjectProperty<Choice> theme = new SimpleObjectProperty<>(this, "theme");
    private final ObjectProperty<Choice> owner = new SimpleObjectProperty<>(this, "owner");
    private final ObservableList<Choice> visits = FXCollections.observableArrayList();
    private final ObservableList<Choice> targets = FXCollections.observableArrayList();
    private final ObservableList<Choice> themes = FXCollections.observableArrayList();
    private final ObservableList<Choice> owners = FXCollections.observableArrayList();
    private Loaded loaded;
    private long generation;
    private boolean shown;

    public BoardViewModel(WindowContext context) {
        this.context = context;
        for (Idea.Status status : Idea.Status.values()) {
            columns.put(status, FXCollections.observableArrayList());
        }
        for (ObjectProperty<Choice> filter : List.of(visit, target, theme, owner)) {
            filter.addListener((obs, old, now) -> show());
        }
        // Read again after a change only once the page was shown: an edit elsewhere costs nothing before.
        context.revisionProperty().addListener((obs, old, now) -> reloadIfShown());
        context.language().languageProperty().addListener((obs, old, now) -> reloadIfShown());
    }

    private void reloadIfShown() {
        if (shown) {
            load();
        }
    }

    /** Reads the ideas and their moves, and shows them (the page is shown: it follows changes from now on). */
    public void load() {
        shown = true;
        long asked = ++generation;
        Language language = context.language().get();
        Messages messages = context.language().messages();
        var dates = context.language().date(FormatStyle.LONG);
        context.background().read(workspace -> cards(workspace, language, messages, dates), cards -> {
            if (asked == generation) {
                loaded = cards;
                visits.setAll(cards.visits());
                targets.setAll(cards.targets());
                themes.setAll(cards.themes());
                owners.setAll(cards.owners());
                show();
            }
        });
    }

    /** The cards in the column of {@code status}, as the filters let them through. */
    public ObservableList<Card> column(Idea.Status status) {
        return columns.get(status);
    }

    public ObjectProperty<Choice> visitProperty() {
        return visit;
    }

    public ObjectProperty<Choice> targetProperty() {
        return target;
    }

    public ObjectProperty<Choice> themeProperty() {
        return theme;
    }

    public ObjectProperty<Choice> ownerProperty() {
        return owner;
    }

    /** The values of each filter, "All" first. */
    public ObservableList<Choice> visits() {
        return visits;
    }

    public ObservableList<Choice> targets() {
        return targets;
    }

    public ObservableList<Choice> themes() {
        return themes;
    }

    public ObservableList<Choice> owners() {
        return owners;
    }

    /**
     * Writes the ideas the board shows (its filters), column by column, to {@code file} as the practices table's
     * spreadsheet ({@link PracticeSpreadsheet}), off the JavaFX thread; the status bar says how many, or why not.
     */
    public void export(Path file) {
        Messages messages = context.language().messages();
        Language language = context.language().get();
        List<UUID> shown = new ArrayList<>();
        for (Idea.Status status : Idea.Status.values()) {
            columns.get(status).forEach(card -> shown.add(card.idea().id()));
        }
        context.background().read(workspace -> {
            PracticeLabels labels = PracticeLabels.of(workspace, language, messages);
            Map<UUID, PracticeLabels.Row> rows = new HashMap<>();
            workspace.practices().all().stream().filter(practice -> practice.kind() == EntryKind.IDEA)
                    .forEach(practice -> rows.put(practice.id(), labels.row(practice)));
            return PracticeSpreadsheet.write(shown.stream().map(rows::get).filter(Objects::nonNull).toList(), file,
                    messages);
        }, written -> context.saveStatus().info(messages.format("practices.exported", written, file)),
                failure -> context.saveStatus().failed(context.describe(failure)));
    }

    /** Moves the card's idea to {@code status} (a drop on that column); the board follows once it is saved. */
    public void move(Card card, Idea.Status status) {
        if (card.idea().status() == status) {
            return;
        }
        context.background().write(workspace -> workspace.ideas().move(card.idea().id(), status),
                moved -> context.changed(),  // the board, the practices and an open idea read it again
                failure -> context.saveStatus().failed(context.describe(failure)));
    }

    /** Moves the card's idea one status on ({@code steps} 1) or back (-1), in the order of the columns. */
    public void step(Card card, int steps) {
        int next = card.idea().status().ordinal() + steps;
        if (next >= 0 && next < Idea.Status.values().length) {
            move(card, Idea.Status.values()[next]);
        }
    }

    private void show() {
        if (loaded == null) {
            return;
        }
        Map<Idea.Status, List<Card>> shown = new EnumMap<>(Idea.Status.class);
        for (Idea.Status status : Idea.Status.values()) {
            shown.put(status, new ArrayList<>());
        }
        for (Card card : loaded.cards()) {
            Idea idea = card.idea();
            if (passes(visit, Objects.toString(loaded.visitBySite().get(idea.siteId()), null))
                    && passes(target, idea.targets().stream().map(UUID::toString).toList())
                    && passes(theme, List.copyOf(idea.themes()))
                    && passes(owner, idea.owner() == null ? List.of() : List.of(idea.owner().strip()))) {
                shown.get(idea.status()).add(card);
            }
        }
        shown.forEach((status, cards) -> columns.get(status).setAll(cards));
    }

    private static boolean passes(ObjectProperty<Choice> filter, String value) {
        return passes(filter, value == null ? List.of() : List.of(value));
    }

    private static boolean passes(ObjectProperty<Choice> filter, List<String> values) {
        Choice chosen = filter.get();
        return chosen == null || chosen.key() == null || values.contains(chosen.key());
    }

    /** Every card and every filter value, in words; runs off the JavaFX thread. */
    private static Loaded cards(Workspace workspace, Language language, Messages messages,
                                java.time.format.DateTimeFormatter dates) {
        List<Idea> ideas = workspace.ideas().all();
        Map<UUID, List<StatusChange>> history = workspace.ideas().history(ideas.stream().map(Idea::id).toList());
        Map<UUID, Site> sites = new HashMap<>();
        workspace.catalog().sites().forEach(site -> sites.put(site.id(), site));
        Map<UUID, Administration> administrations = new HashMap<>();
        workspace.people().administrations().forEach(a -> administrations.put(a.id(), a));
        Collator collator = Collator.getInstance(language.locale());

        List<Card> cards = new ArrayList<>();
        Map<UUID, UUID> visitBySite = new HashMap<>();
        for (Idea idea : ideas) {
            Site site = sites.get(idea.siteId());
            if (site != null) {
                visitBySite.put(site.id(), site.visitId());
            }
            String targetNames = messages.list(idea.targets().stream().map(administrations::get)
                    .filter(Objects::nonNull).map(a -> a.shortName(language)).sorted(collator).toList());
            List<StatusChange> moves = history.getOrDefault(idea.id(), List.of());
            StatusChange last = moves.isEmpty() ? null : moves.get(moves.size() - 1);
            String lastMove = last == null || last.status() != idea.status() ? ""
                    : messages.format("board.moved", messages.get("idea-status." + last.status().code()),
                            dates.format(last.at()), last.by());
            cards.add(new Card(idea, idea.title(), site == null ? "" : site.name().in(language), targetNames,
                    idea.owner() == null ? "" : idea.owner().strip(), lastMove));
        }

        Choice all = new Choice(null, messages.get("board.all"));
        List<Choice> visitChoices = new ArrayList<>(List.of(all));
        workspace.catalog().visits().forEach(v -> visitChoices.add(new Choice(v.id().toString(), v.title().in(language))));
        List<Choice> targetChoices = new ArrayList<>(List.of(all));
        administrations.values().stream()
                .sorted((a, b) -> collator.compare(a.shortName(language), b.shortName(language)))
                .forEach(a -> targetChoices.add(new Choice(a.id().toString(), a.shortName(language))));
        List<Choice> themeChoices = new ArrayList<>(List.of(all));
        workspace.catalog().themes().stream().filter(t -> !t.hidden())
                .forEach(t -> themeChoices.add(new Choice(t.code(), t.label().in(language))));
        List<Choice> ownerChoices = new ArrayList<>(List.of(all));
        ideas.stream().map(Idea::owner).filter(Objects::nonNull).map(String::strip).filter(o -> !o.isEmpty()).distinct()
                .sorted(collator).forEach(o -> ownerChoices.add(new Choice(o, o)));
        return new Loaded(cards, visitBySite, visitChoices, targetChoices, themeChoices, ownerChoices);
    }
}
