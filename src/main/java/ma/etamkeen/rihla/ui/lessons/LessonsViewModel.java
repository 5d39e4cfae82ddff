package ma.etamkeen.rihla.ui.lessons;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.EntriesViewModel;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The lessons learned at the selected site and the one being edited. */
public final class LessonsViewModel extends EntriesViewModel<Lesson> {
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty observed = new SimpleStringProperty(this, "observed", "");
    private final StringProperty whyItWorks = new SimpleStringProperty(this, "whyItWorks", "");
    private final ObservableSet<String> themes = FXCollections.observableSet();
    private final ObjectProperty<UUID> author = new SimpleObjectProperty<>(this, "author");

    public LessonsViewModel(WindowContext context) {
        super(context, RecordKind.LESSON);
        title.addListener((obs, old, now) -> edited());
        observed.addListener((obs, old, now) -> edited());
        whyItWorks.addListener((obs, old, now) -> edited());
        themes.addListener((SetChangeListener<String>) change -> edited());
        author.addListener((obs, old, now) -> edited());
    }

    /**
     * Creates a lesson with {@code newTitle} (a lesson needs a title); {@code refused} gets the message when
     * the title is not acceptable, and nothing is created.
     */
    public void create(String newTitle, Consumer<String> refused, Runnable created) {
        if (siteProperty().get() == null) {
            return;
        }
        Delegate me = context.meProperty().get();
        createStored(new Lesson(UUID.randomUUID(), siteProperty().get().id(), me == null ? null : me.id(), newTitle,
                null, null, siteThemeCodes(), null), refused, created);
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty observedProperty() {
        return observed;
    }

    public StringProperty whyItWorksProperty() {
        return whyItWorks;
    }

    public ObservableSet<String> themes() {
        return themes;
    }

    public ObjectProperty<UUID> authorProperty() {
        return author;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.LESSON;
    }

    @Override
    public UUID idOf(Lesson lesson) {
        return lesson.id();
    }

    @Override
    protected List<Lesson> load(Workspace workspace, UUID siteId) {
        return workspace.lessons().forSite(siteId);
    }

    @Override
    protected Lesson store(Workspace workspace, Lesson lesson) {
        return workspace.lessons().save(lesson);
    }

    @Override
    protected void fill(Lesson lesson) {
        title.set(lesson == null ? "" : lesson.title());
        observed.set(lesson == null || lesson.observed() == null ? "" : lesson.observed());
        whyItWorks.set(lesson == null || lesson.whyItWorks() == null ? "" : lesson.whyItWorks());
        themes.clear();
        if (lesson != null) {
            themes.addAll(lesson.themes());
        }
        author.set(lesson == null ? null : lesson.authorId());
    }

    /** A blank title is not saved (the message says so); everything else still is. */
    @Override
    protected Lesson draft(Lesson base) {
        String wanted = title.get() == null ? "" : title.get();
        return new Lesson(base.id(), base.siteId(), author.get(), wanted.isBlank() ? base.title() : wanted,
                observed.get(), whyItWorks.get(), Set.copyOf(themes), base.updatedAt());
    }

    @Override
    protected String validate() {
        return title.get() == null || title.get().isBlank()
                ? context.language().messages().get("input.title-required") : null;
    }

    @Override
    public String labelOf(Lesson lesson) {
        return lesson.title();
    }

}
