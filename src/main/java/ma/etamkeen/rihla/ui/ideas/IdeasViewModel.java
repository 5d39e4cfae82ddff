package ma.etamkeen.rihla.ui.ideas;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.ui.common.EntriesViewModel;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** The ideas for transfer drawn from the selected site and the one being edited. */
public final class IdeasViewModel extends EntriesViewModel<Idea> {
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty description = new SimpleStringProperty(this, "description", "");
    private final StringProperty owner = new SimpleStringProperty(this, "owner", "");
    private final StringProperty prerequisites = new SimpleStringProperty(this, "prerequisites", "");
    private final ObjectProperty<Idea.Effort> effort = new SimpleObjectProperty<>(this, "effort");
    private final ObjectProperty<Idea.Impact> impact = new SimpleObjectProperty<>(this, "impact");
    private final ObjectProperty<Idea.Status> status = new SimpleObjectProperty<>(this, "status", Idea.Status.PROPOSED);
    private final ObjectProperty<UUID> lesson = new SimpleObjectProperty<>(this, "lesson");
    private final ObjectProperty<UUID> author = new SimpleObjectProperty<>(this, "author");
    private final ObservableSet<String> themes = FXCollections.observableSet();
    private final ObservableSet<UUID> targets = FXCollections.observableSet();
    private final ObservableList<Lesson> siteLessons = FXCollections.observableArrayList();

    public IdeasViewModel(WindowContext context) {
        super(context, RecordKind.IDEA);
        for (var property : List.of(title, description, owner, prerequisites)) {
            property.addListener((obs, old, now) -> edited());
        }
        for (var property : List.<ObjectProperty<?>>of(effort, impact, status, lesson, author)) {
            property.addListener((obs, old, now) -> edited());
        }
        themes.addListener((SetChangeListener<String>) change -> edited());
        targets.addListener((SetChangeListener<UUID>) change -> edited());
    }

    /** Creates an idea with {@code newTitle}; {@code refused} gets the message when the title is not acceptable. */
    public void create(String newTitle, Consumer<String> refused, Runnable created) {
        if (siteProperty().get() == null) {
            return;
        }
        Delegate me = context.meProperty().get();
        createStored(new Idea(UUID.randomUUID(), siteProperty().get().id(), null, me == null ? null : me.id(), newTitle,
                null, null, null, Idea.Status.PROPOSED, null, null, siteThemeCodes(), Set.of(), null), refused, created);
    }

    /** Loads the ideas, and the site's lessons an idea may come from. */
    @Override
    public void reload() {
        super.reload();
        if (siteProperty().get() == null) {
            siteLessons.clear();
            return;
        }
        UUID siteId = siteProperty().get().id();
        context.background().read(workspace -> workspace.lessons().forSite(siteId), siteLessons::setAll);
    }

    /** The lessons of the site an idea may come from. */
    public ObservableList<Lesson> siteLessons() {
        return siteLessons;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty ownerProperty() {
        return owner;
    }

    public StringProperty prerequisitesProperty() {
        return prerequisites;
    }

    public ObjectProperty<Idea.Effort> effortProperty() {
        return effort;
    }

    public ObjectProperty<Idea.Impact> impactProperty() {
        return impact;
    }

    public ObjectProperty<Idea.Status> statusProperty() {
        return status;
    }

    public ObjectProperty<UUID> lessonProperty() {
        return lesson;
    }

    public ObjectProperty<UUID> authorProperty() {
        return author;
    }

    public ObservableSet<String> themes() {
        return themes;
    }

    public ObservableSet<UUID> targets() {
        return targets;
    }

    @Override
    public EntryKind kind() {
        return EntryKind.IDEA;
    }

    @Override
    public UUID idOf(Idea idea) {
        return idea.id();
    }

    @Override
    protected List<Idea> load(Workspace workspace, UUID siteId) {
        return workspace.ideas().forSite(siteId);
    }

    @Override
    protected Idea store(Workspace workspace, Idea idea) {
        return workspace.ideas().save(idea);
    }

    @Override
    protected void fill(Idea idea) {
        title.set(idea == null ? "" : idea.title());
        description.set(idea == null || idea.description() == null ? "" : idea.description());
        owner.set(idea == null || idea.owner() == null ? "" : idea.owner());
        prerequisites.set(idea == null || idea.prerequisites() == null ? "" : idea.prerequisites());
        effort.set(idea == null ? null : idea.effort());
        impact.set(idea == null ? null : idea.impact());
        status.set(idea == null ? Idea.Status.PROPOSED : idea.status());
        lesson.set(idea == null ? null : idea.lessonId());
        author.set(idea == null ? null : idea.authorId());
        themes.clear();
        targets.clear();
        if (idea != null) {
            themes.addAll(idea.themes());
            targets.addAll(idea.targets());
        }
    }

    @Override
    protected Idea draft(Idea base) {
        String wanted = title.get() == null ? "" : title.get();
        return new Idea(base.id(), base.siteId(), lesson.get(), author.get(), wanted.isBlank() ? base.title() : wanted,
                description.get(), effort.get(), impact.get(), status.get(), owner.get(), prerequisites.get(),
                Set.copyOf(themes), Set.copyOf(targets), base.updatedAt());
    }

    @Override
    protected String validate() {
        return title.get() == null || title.get().isBlank()
                ? context.language().messages().get("input.title-required") : null;
    }

    @Override
    public String labelOf(Idea idea) {
        return idea.title();
    }

}
