package ma.etamkeen.rihla.ui.common;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.Workspace;

/**
 * The entries of one kind (notes, lessons, ideas) of the selected site, and the one being edited. Edits
 * save themselves a moment after typing stops, and at once when the user moves to another entry or site;
 * input the store refuses leaves a message and changes nothing.
 *
 * @param <T> the entry record
 */
public abstract class EntriesViewModel<T> {
    protected final WindowContext context;
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>(this, "site");
    private final ObservableList<T> entries = FXCollections.observableArrayList();
    private final ObjectProperty<T> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final Autosave autosave;
    private final Reveal<T> reveal = new Reveal<>(this::idOf, this::select);
    private final RecordKind<T> kind;
    private T saved;          // the selected entry as the store has it (null: not stored yet)
    private boolean filling;  // editor fields being set from an entry: not an edit

    /** @param kind the field model of the entries, which says whether an edit changed anything */
    protected EntriesViewModel(WindowContext context, RecordKind<T> kind) {
        this.context = context;
        this.kind = kind;
        this.autosave = context.newAutosave(this::saveNow);
        site.addListener((obs, old, now) -> {
            flush();
            reveal.cancel();
            selected.set(null);
            reload();
        });
        selected.addListener((obs, old, now) -> {
            if (old != null && now != null && idOf(old).equals(idOf(now))) {
                return;  // the same entry, refreshed in the list
            }
            flush();
            show(now);
        });
        context.revisionProperty().addListener((obs, old, now) -> reload());
    }

    // What each kind of entry defines.

    public abstract EntryKind kind();

    public abstract UUID idOf(T entry);

    protected abstract List<T> load(Workspace workspace, UUID siteId);

    protected abstract T store(Workspace workspace, T entry);

    /** Shows {@code entry} in the editor fields (null clears them). */
    protected abstract void fill(T entry);

    /** The entry as the editor fields now describe it, from {@code base}. */
    protected abstract T draft(T base);

    /**
     * Whether {@code draft} differs from {@code stored} in anything the user wrote: field by field, as the field
     * model describes the kind ({@link RecordKind#differs}; blank text counts as none).
     */
    protected final boolean differs(T draft, T stored) {
        return kind.differs(draft, stored);
    }

    /** A new entry never stored yet is only saved once it has content. */
    protected boolean worthCreating(T draft) {
        return true;
    }

    /** What is wrong with the editor fields as they are (shown at once, while typing), or null. */
    protected String validate() {
        return null;
    }

    /** A short label for messages ("moved to the trash"). */
    public abstract String labelOf(T entry);

    // Behaviour.

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObservableList<T> entries() {
        return entries;
    }

    public ObjectProperty<T> selectedProperty() {
        return selected;
    }

    /** Why the last edit could not be saved, or null. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Editor fields call this when the user changes them. */
    public void edited() {
        if (!filling && selected.get() != null) {
            problem.set(validate());
            autosave.changed();
        }
    }

    /** Saves a pending edit now (leaving the entry, closing the window). */
    public void flush() {
        autosave.flush();
    }

    /** Whether the selected entry is in the store yet (a new note is stored with its first words). */
    public boolean isSelectedStored() {
        return selected.get() != null && saved != null;
    }

    public boolean hasPendingEdit() {
        return autosave.isPending();
    }

    /** Loads the entries of the site, keeping the selection. */
    public void reload() {
        Site current = site.get();
        if (current == null) {
            entries.clear();
            return;
        }
        UUID siteId = current.id();
        context.background().read(workspace -> load(workspace, siteId), loaded -> {
            if (site.get() == null || !site.get().id().equals(siteId)) {
                return;  // the user moved on meanwhile
            }
            T keep = selected.get();
            T unsaved = keep != null && saved == null ? keep : null;
            entries.setAll(loaded);
            if (unsaved != null) {
                entries.add(0, unsaved);
            }
            if (keep != null) {
                entries.stream().filter(entry -> idOf(entry).equals(idOf(keep))).findFirst()
                        .ifPresentOrElse(entry -> {
                            if (saved != null) {
                                saved = entry;
                            }
                            selected.set(entry);
                        }, () -> selected.set(null));
            }
            reveal.apply(entries);
        });
    }

    /** Selects the entry with {@code id} of the site, now or once the site's entries have loaded. */
    public void reveal(UUID id) {
        reveal.reveal(id, entries);
    }

    private void select(T entry) {
        selected.set(entry);
    }

    /** Adds an entry that is not stored yet (it is, once it has content) and selects it. */
    protected void addUnsaved(T entry) {
        flush();
        entries.add(0, entry);
        selected.set(entry);
        saved = null;
    }

    /**
     * Stores a new entry at once (lessons and ideas, created from their title), then selects it;
     * {@code refused} gets the message when the store will not take it, and nothing is created.
     */
    protected void createStored(T entry, Consumer<String> refused, Runnable created) {
        context.background().write(workspace -> store(workspace, entry), stored -> {
            flush();
            entries.add(0, stored);
            selected.set(stored);
            context.changed();
            created.run();
        }, failure -> refused.accept(context.describe(failure)));
    }

    /** The theme codes of the selected site: a new lesson or idea starts with them, easy to untick. */
    protected Set<String> siteThemeCodes() {
        Set<String> codes = new HashSet<>();
        site.get().themes().forEach(theme -> codes.add(theme.code()));
        return codes;
    }

    /** Moves the selected entry to the trash (Ctrl+Z brings it back). */
    public void deleteSelected() {
        T entry = selected.get();
        if (entry == null) {
            return;
        }
        flush();
        if (saved == null) {  // never stored: nothing to keep
            entries.remove(entry);
            selected.set(null);
            return;
        }
        context.delete(kind(), idOf(entry), labelOf(entry), () -> { });
    }

    private void show(T entry) {
        filling = true;
        try {
            problem.set(null);
            saved = entry;
            fill(entry);
        } finally {
            filling = false;
        }
    }

    private void saveNow() {
        T base = selected.get();
        if (base == null) {
            return;
        }
        T draft = draft(base);
        if (saved != null ? !differs(draft, saved) : !worthCreating(draft)) {
            return;
        }
        boolean creating = saved == null;
        context.saveStatus().saving();
        context.background().write(workspace -> store(workspace, draft), stored -> {
            int index = indexOf(idOf(stored));
            if (index >= 0) {
                entries.set(index, stored);
            }
            if (selected.get() != null && idOf(selected.get()).equals(idOf(stored))) {
                saved = stored;
                selected.set(stored);  // the same entry: the editor keeps what is being typed
            }
            problem.set(validate());
            context.saveStatus().saved();
            if (creating) {
                context.changed();
            }
        }, failure -> {
            String message = context.describe(failure);
            problem.set(message);
            context.saveStatus().failed(message);
        });
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < entries.size(); i++) {
            if (idOf(entries.get(i)).equals(id)) {
                return i;
            }
        }
        return -1;
    }

}
