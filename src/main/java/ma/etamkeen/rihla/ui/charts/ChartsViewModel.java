package ma.etamkeen.rihla.ui.charts;

import java.text.Collator;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Practice;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The figures behind the charts page, counted from the same practices as the practices table: the ideas for
 * transfer per target administration by status, the ideas by expected impact and effort (a 3×3 matrix), and the
 * lessons learned and ideas per theme across all sites. Counted off the JavaFX thread, again after any change.
 */
public final class ChartsViewModel {

    /** The ideas that target one administration ({@code name}: its short name), by status. */
    public record ByTarget(String name, Map<Idea.Status, Integer> counts) {
    }

    /** The lessons learned and the ideas for transfer that carry one theme ({@code label}, in the UI language). */
    public record ByTheme(String label, int lessons, int ideas) {
    }

    /**
     * Everything the page shows: {@code matrix[impact][effort]} counts ideas by {@link Idea.Impact} and
     * {@link Idea.Effort} ordinals; {@code unrated} how many lack either.
     */
    public record Figures(List<ByTarget> byTarget, int[][] matrix, int unrated, List<ByTheme> byTheme) {
    }

    private final WindowContext context;
    private final ObjectProperty<Figures> figures = new SimpleObjectProperty<>(this, "figures");
    private long generation;
    private boolean shown;

    public ChartsViewModel(WindowContext context) {
        this.context = context;
        // Read again after a change only once the page was shown: an edit elsewhere costs nothing before.
        context.revisionProperty().addListener((obs, old, now) -> reloadIfShown());
        context.language().languageProperty().addListener((obs, old, now) -> reloadIfShown());
    }

    private void reloadIfShown() {
        if (shown) {
            load();
        }
    }

    /** Counts again; {@link #figuresProperty} follows (the page is shown: it follows changes from now on). */
    public void load() {
        shown = true;
        long asked = ++generation;
        Language language = context.language().get();
        context.background().read(workspace -> count(workspace, language), counted -> {
            if (asked == generation) {
                figures.set(counted);
            }
        });
    }

    public ObjectProperty<Figures> figuresProperty() {
        return figures;
    }

    private static Figures count(Workspace workspace, Language language) {
        Collator collator = Collator.getInstance(language.locale());
        Map<UUID, Administration> administrations = new HashMap<>();
        workspace.people().administrations().forEach(a -> administrations.put(a.id(), a));
        Map<UUID, Map<Idea.Status, Integer>> perTarget = new HashMap<>();
        int[][] matrix = new int[Idea.Impact.values().length][Idea.Effort.values().length];
        int unrated = 0;
        for (Idea idea : workspace.ideas().all()) {
            for (UUID target : idea.targets()) {
                if (administrations.containsKey(target)) {
                    perTarget.computeIfAbsent(target, t -> new EnumMap<>(Idea.Status.class))
                            .merge(idea.status(), 1, Integer::sum);
                }
            }
            if (idea.impact() == null || idea.effort() == null) {
                unrated++;
            } else {
                matrix[idea.impact().ordinal()][idea.effort().ordinal()]++;
            }
        }
        List<ByTarget> byTarget = new ArrayList<>();
        perTarget.forEach((id, counts) -> byTarget.add(new ByTarget(administrations.get(id).shortName(language), counts)));
        byTarget.sort((a, b) -> collator.compare(a.name(), b.name()));

        Map<String, int[]> perTheme = new HashMap<>();
        for (Practice practice : workspace.practices().all()) {
            for (String theme : practice.themes()) {
                perTheme.computeIfAbsent(theme, t -> new int[2])[practice.kind() == EntryKind.LESSON ? 0 : 1]++;
            }
        }
        List<ByTheme> byTheme = new ArrayList<>();
        for (Theme theme : workspace.catalog().themes()) {
            int[] counts = perTheme.get(theme.code());
            if (counts != null) {
                byTheme.add(new ByTheme(theme.label().in(language), counts[0], counts[1]));
            }
        }
        return new Figures(List.copyOf(byTarget), matrix, unrated, List.copyOf(byTheme));
    }
}
