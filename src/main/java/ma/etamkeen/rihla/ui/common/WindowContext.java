package ma.etamkeen.rihla.ui.common;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.UUID;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.i18n.Digits;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Theme;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.Preferences;

/**
 * What the parts of the window share: the language, background work, the save indicator, the lists the
 * editors offer (themes, delegates, administrations), the undo of deletions, and a revision number that
 * goes up whenever entries are added, deleted or restored, so every view showing them reloads.
 */
public final class WindowContext {

    /** A deletion that Ctrl+Z can take back. */
    public record Deletion(EntryKind kind, UUID id, String label) {
    }

    private final UiLanguage language;
    private final Background background;
    private final Autosave.Timer timer;
    private final SaveStatus saveStatus;
    private final LongProperty revision = new SimpleLongProperty(this, "revision");
    private final LongProperty knowledgeRevision = new SimpleLongProperty(this, "knowledgeRevision");
    private final Deque<Deletion> deletions = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ObservableList<Theme> themes = FXCollections.observableArrayList();
    private final ObservableList<Delegate> delegates = FXCollections.observableArrayList();
    private final ObservableList<Administration> administrations = FXCollections.observableArrayList();
    private final ObjectProperty<Delegate> me = new SimpleObjectProperty<>(this, "me");
    private ViewScope windowScope = new ViewScope();
    private final ObjectProperty<Preferences> preferences = new SimpleObjectProperty<>(this, "preferences",
            Preferences.defaults());

    public WindowContext(UiLanguage language, Background background, Autosave.Timer timer) {
        this.language = language;
        this.background = background;
        this.timer = timer;
        this.saveStatus = new SaveStatus(language);
    }

    public UiLanguage language() {
        return language;
    }

    /** Language, digits and text size as the user chose them; the app applies and saves every change. */
    public ObjectProperty<Preferences> preferencesProperty() {
        return preferences;
    }

    public void choose(Language chosen) {
        preferences.set(preferences.get().withLanguage(chosen));
    }

    public void choose(Digits chosen) {
        preferences.set(preferences.get().withDigits(chosen));
    }

    /** Makes the text bigger ({@code +1}), smaller ({@code -1}), or back to normal ({@code 0}). */
    public void resizeText(int step) {
        Preferences now = preferences.get();
        preferences.set(now.withTextSize(step == 0 ? Preferences.DEFAULT_TEXT_SIZE : now.textSize() + step));
    }

    /**
     * The listeners the main window's current views keep on the view models and this context; ended when the
     * window is redrawn, so the views it replaces can go.
     */
    public ViewScope windowScope() {
        return windowScope;
    }

    /** The window is about to be redrawn: its views stop listening, the new ones get a scope of their own. */
    public void redrawing() {
        windowScope.end();
        windowScope = new ViewScope();
    }

    public Background background() {
        return background;
    }

    public Autosave newAutosave(Runnable save) {
        return new Autosave(timer, save);
    }

    public SaveStatus saveStatus() {
        return saveStatus;
    }

    /** The sentence telling the user what went wrong, in the UI language. */
    public String describe(Throwable failure) {
        return describe(failure, language.messages());
    }

    /** The sentence telling the user what went wrong, in {@code messages}' language (one said again later). */
    public static String describe(Throwable failure, Messages messages) {
        return Failures.describe(failure, messages, TextDirection::leftToRight);
    }

    /** Entries were added, deleted or restored: views reload. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    public ReadOnlyLongProperty revisionProperty() {
        return revision;
    }

    /**
     * The knowledge base changed (a site, a visit, the themes; by an editor, an import, a restore): the visits,
     * the sites and the lists are read again, then views reload as after {@link #changed()}.
     */
    public void knowledgeChanged() {
        knowledgeRevision.set(knowledgeRevision.get() + 1);
        changed();
    }

    public ReadOnlyLongProperty knowledgeRevisionProperty() {
        return knowledgeRevision;
    }

    /** Loads the lists the editors offer; again after they change. */
    public void loadLists() {
        background.read(workspace -> new Lists(workspace.catalog().themes(), workspace.people().delegates(),
                workspace.people().administrations(), workspace.identity().me()), lists -> {
                    themes.setAll(lists.themes());
                    delegates.setAll(lists.delegates());
                    administrations.setAll(lists.administrations());
                    me.set(lists.me().orElse(null));
                });
    }

    private record Lists(java.util.List<Theme> themes, java.util.List<Delegate> delegates,
                         java.util.List<Administration> administrations, Optional<Delegate> me) {
    }

    public ObservableList<Theme> themes() {
        return themes;
    }

    public ObservableList<Delegate> delegates() {
        return delegates;
    }

    public ObservableList<Administration> administrations() {
        return administrations;
    }

    /** The delegate using this laptop: the default author of new entries. */
    public ObjectProperty<Delegate> meProperty() {
        return me;
    }

    /** Moves an entry to the trash; Ctrl+Z brings it back. */
    public void delete(EntryKind kind, UUID id, String label, Runnable done) {
        background.write(workspace -> workspace.trash().delete(kind, id), deleted -> {
            if (deleted) {
                deletions.push(new Deletion(kind, id, label));
                canUndo.set(true);
                saveStatus.info(language.messages().format("status.deleted", label));
            }
            changed();
            done.run();
        });
    }

    /** Restores the last deletion. */
    public void undoDelete() {
        Deletion last = deletions.poll();
        canUndo.set(!deletions.isEmpty());
        if (last != null) {
            background.write(workspace -> workspace.trash().restore(last.kind(), last.id()), restored -> {
                saveStatus.info(language.messages().format("status.restored", last.label()));
                changed();
            });
        }
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }
}
