package ma.etamkeen.rihla.ui.brief;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.Image;

import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.brief.BriefPages;
import ma.etamkeen.rihla.brief.BriefPdf;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.ui.common.Images;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The brief of one site: its options (language, sections; kept for next time), and the page as it will be
 * printed or saved, drawn again whenever an option changes.
 */
public final class BriefViewModel {
    /** The preview is drawn at this resolution: sharp on screen, quick to draw. */
    static final float PREVIEW_DPI = 110;

    private final WindowContext context;
    private final Site site;
    private final ObjectProperty<Language> language = new SimpleObjectProperty<>(this, "language");
    private final BooleanProperty summary = new SimpleBooleanProperty(this, "summary", true);
    private final BooleanProperty lessons = new SimpleBooleanProperty(this, "lessons", true);
    private final BooleanProperty ideas = new SimpleBooleanProperty(this, "ideas", true);
    private final BooleanProperty notes = new SimpleBooleanProperty(this, "notes", true);
    private final BooleanProperty facts = new SimpleBooleanProperty(this, "facts", true);
    private final ReadOnlyObjectWrapper<Image> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private byte[] pdf;
    private long generation;  // a page drawn for older options is dropped
    private boolean filling;  // options being set from the last ones: not a change

    public BriefViewModel(WindowContext context, Site site) {
        this.context = context;
        this.site = site;
        language.set(context.language().get());
        for (var option : List.of(language, summary, lessons, ideas, notes, facts)) {
            option.addListener((obs, old, now) -> {
                if (!filling) {
                    remember();
                    render();
                }
            });
        }
    }

    /** Puts back the options used last, and draws the page. */
    public void load() {
        Language fallback = context.language().get();
        context.background().read(workspace -> workspace.briefs().lastOptions(fallback), last -> {
            filling = true;
            try {
                language.set(last.language());
                summary.set(last.summary());
                lessons.set(last.lessons());
                ideas.set(last.ideas());
                notes.set(last.notes());
                facts.set(last.facts());
            } finally {
                filling = false;
            }
            render();
        });
    }

    public BriefOptions options() {
        return new BriefOptions(language.get(), summary.get(), facts.get(), lessons.get(), ideas.get(), notes.get());
    }

    private void remember() {
        BriefOptions chosen = options();
        context.background().write(workspace -> {
            workspace.briefs().rememberOptions(chosen);
            return null;
        }, done -> { });
    }

    private record Drawn(byte[] pdf, java.awt.image.BufferedImage page) {
    }

    private void render() {
        long asked = ++generation;
        BriefOptions chosen = options();
        ready.set(false);
        context.background().read(workspace -> {
            BriefPdf.Rendered rendered = workspace.briefs().render(site.id(), chosen);
            return new Drawn(rendered.pdf(), BriefPages.draw(rendered.pdf(), PREVIEW_DPI));
        }, drawn -> {
            if (asked == generation) {
                pdf = drawn.pdf();
                preview.set(Images.toFx(drawn.page()));
                ready.set(true);
            }
        }, failure -> status.set(context.describe(failure)));
    }

    /** Writes the page as a PDF file. */
    public void saveAs(Path file) {
        byte[] page = pdf;
        if (page == null) {
            return;
        }
        context.background().read(workspace -> {
            workspace.briefs().write(page, file);
            return file;
        }, saved -> status.set(context.language().messages().format("brief.saved", saved.getFileName())),
                failure -> status.set(context.describe(failure)));
    }

    /** The page as drawn last (for the printer), or null before it is drawn. */
    public byte[] pdf() {
        return pdf;
    }

    public String suggestedFileName() {
        return site.slug() + "-" + language.get().code() + ".pdf";
    }

    public Site site() {
        return site;
    }

    public ObjectProperty<Language> languageProperty() {
        return language;
    }

    public BooleanProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty lessonsProperty() {
        return lessons;
    }

    public BooleanProperty ideasProperty() {
        return ideas;
    }

    public BooleanProperty notesProperty() {
        return notes;
    }

    public BooleanProperty factsProperty() {
        return facts;
    }

    /** The page, as it will come out of the printer or the PDF. */
    public ReadOnlyObjectProperty<Image> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    /** Whether the page shown is the one of the options as they are now. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** What happened last (saved, or why not). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setStatus(String text) {
        status.set(text);
    }
}
