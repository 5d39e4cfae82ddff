package ma.etamkeen.rihla.ui.notes;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.EntriesViewModel;
import ma.etamkeen.rihla.ui.common.Texts;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The notes of the selected site and the note being written. */
public final class NotesViewModel extends EntriesViewModel<Note> {
    private final StringProperty body = new SimpleStringProperty(this, "body", "");
    private final ObjectProperty<UUID> author = new SimpleObjectProperty<>(this, "author");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");

    public NotesViewModel(WindowContext context) {
        super(context, RecordKind.NOTE);
        body.addListener((obs, old, now) -> edited());
        author.addListener((obs, old, now) -> edited());
        date.addListener((obs, old, now) -> edited());
    }

    /** Starts a new note, dated today, by "me"; it is stored with its first words. */
    public void create() {
        if (siteProperty().get() == null) {
            return;
        }
        Delegate me = context.meProperty().get();
        addUnsaved(new Note(UUID.randomUUID(), siteProperty().get().id(), me == null ? null : me.id(), LocalDate.now(),
                "", null));
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ObjectProperty<UUID> authorProperty() {
        return author;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.NOTE;
    }

    @Override
    public UUID idOf(Note note) {
        return note.id();
    }

    @Override
    protected List<Note> load(Workspace workspace, UUID siteId) {
        return workspace.notes().forSite(siteId);
    }

    @Override
    protected Note store(Workspace workspace, Note note) {
        return workspace.notes().save(note);
    }

    @Override
    protected void fill(Note note) {
        body.set(note == null ? "" : note.body());
        author.set(note == null ? null : note.authorId());
        date.set(note == null ? null : note.notedOn());
    }

    @Override
    protected Note draft(Note base) {
        return new Note(base.id(), base.siteId(), author.get(), date.get(), body.get(), base.updatedAt());
    }

    @Override
    protected boolean worthCreating(Note draft) {
        return draft.body() != null && !draft.body().isBlank();
    }

    @Override
    public String labelOf(Note note) {
        return Texts.firstLine(note.body(), context.language().messages().get("notes.empty-note"));
    }
}
