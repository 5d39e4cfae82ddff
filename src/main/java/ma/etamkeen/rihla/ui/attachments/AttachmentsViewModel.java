package ma.etamkeen.rihla.ui.attachments;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.ui.common.Reveal;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.AttachmentService;

/** The photos and documents of the selected site and of its entries. */
public final class AttachmentsViewModel {
    private final WindowContext context;
    private final ObjectProperty<Site> site = new SimpleObjectProperty<>(this, "site");
    private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
    private final ObjectProperty<Attachment> selected = new SimpleObjectProperty<>(this, "selected");
    private final Reveal<Attachment> reveal = new Reveal<>(Attachment::id, selected::set);

    public AttachmentsViewModel(WindowContext context) {
        this.context = context;
        site.addListener((obs, old, now) -> {
            reveal.cancel();
            reload();
        });
        context.revisionProperty().addListener((obs, old, now) -> reload());
    }

    public ObjectProperty<Site> siteProperty() {
        return site;
    }

    public ObservableList<Attachment> attachments() {
        return attachments;
    }

    /** The attachment the list has selected. */
    public ObjectProperty<Attachment> selectedProperty() {
        return selected;
    }

    /** Selects the attachment with {@code id}, now or once the site's attachments have loaded. */
    public void reveal(UUID id) {
        reveal.reveal(id, attachments);
    }

    public void reload() {
        Site current = site.get();
        if (current == null) {
            attachments.clear();
            return;
        }
        context.background().read(workspace -> workspace.attachments().forSite(current.id()), loaded -> {
            if (current.equals(site.get())) {
                attachments.setAll(loaded);
                reveal.apply(attachments);
            }
        });
    }

    /**
     * Attaches files to the site ({@code ownerKind} null) or to one of its entries; each refused file gets
     * its message, the others are attached.
     */
    public void attach(List<Path> files, EntryKind ownerKind, UUID ownerId, Consumer<String> refused) {
        Site current = site.get();
        if (current == null) {
            return;
        }
        for (Path file : files) {
            context.saveStatus().saving();
            context.background().write(workspace -> workspace.attachments().attach(current.id(), ownerKind, ownerId, file, null),
                    attached -> {
                        context.saveStatus().saved();
                        context.changed();
                    }, failure -> {
                        String message = context.describe(failure);
                        context.saveStatus().failed(message);
                        refused.accept(message);
                    });
        }
    }

    public void setCaption(Attachment attachment, String caption) {
        context.background().write(workspace -> {
            workspace.attachments().setCaption(attachment.id(), caption);
            return null;
        }, done -> {
            context.saveStatus().saved();
            reload();
        }, failure -> context.saveStatus().failed(context.describe(failure)));
    }

    public void delete(Attachment attachment) {
        context.delete(EntryKind.ATTACHMENT, attachment.id(), attachment.fileName(), () -> { });
    }

    /**
     * Copies the file out for the system's viewer and hands its path to {@code open}: at once when it is safe;
     * when it would run code or is not what it says ({@link AttachmentService.OpenRisk}), only if {@code ask}
     * answers yes to the question that names its real name and type (a dialog whose default is No).
     */
    public void open(Attachment attachment, Consumer<Path> open, Predicate<String> ask) {
        Messages messages = context.language().messages();
        context.background().read(workspace -> workspace.attachments().openRisk(attachment), risk -> {
            String name = attachment.fileName();
            String extension = name.lastIndexOf('.') < 0 ? "" : name.substring(name.lastIndexOf('.'));
            boolean go = switch (risk) {
                case NONE -> true;
                case RUNS_CODE -> ask.test(messages.format("attachments.risk.runs-code", name, extension));
                case NOT_WHAT_IT_SAYS -> ask.test(messages.format("attachments.risk.not-what-it-says", name,
                        attachment.mediaType()));
            };
            if (go) {
                context.background().read(workspace -> workspace.attachments().copyForViewing(attachment), open,
                        failure -> context.saveStatus().failed(context.describe(failure)));
            }
        }, failure -> context.saveStatus().failed(context.describe(failure)));
    }

    /** Loads a photo's preview (JPEG bytes) for its cell. */
    public void thumbnail(Attachment attachment, Consumer<Optional<byte[]>> show) {
        context.background().read(workspace -> workspace.attachments().thumbnail(attachment.id()), show);
    }
}
