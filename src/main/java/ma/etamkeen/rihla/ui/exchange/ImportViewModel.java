package ma.etamkeen.rihla.ui.exchange;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.Failures;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.WindowContext;
import ma.etamkeen.rihla.text.FileNames;
import ma.etamkeen.rihla.text.Graphemes;

/**
 * Importing a colleague's package: it is read and compared in the background, the preview shows what would
 * change (per kind, per site, each conflict with both versions), and only Import changes anything — in one
 * transaction, with progress and Stop, after a backup.
 */
public final class ImportViewModel {
    /** One row of the preview tables: a kind or a site, and its counts. */
    public record Row(String label, ImportPlan.Counts counts) {
    }

    /**
     * A conflict as the dialog shows it: both versions' text (in the writer's language) and, apart, in the
     * user's language, whether each is deleted and who changed it when.
     */
    public record ConflictView(ImportPlan.Conflict conflict, String kind, String mine, String mineChanged,
                               String theirs, String theirsChanged) {
        public boolean canKeepBoth() {
            return !conflict.isDeletion();
        }
    }

    /**
     * One record the import adds, updates or deletes, as the entry-by-entry list shows it.
     *
     * @param entry  its kind and what it is ("Note: Guichet unique ...")
     * @param what   added, updated, or deleted (to the Trash)
     * @param before what it says here now: for an update, only the fields that change ("Text: ..."); empty when new
     * @param after  what it will say: for an update the same fields' new values
     * @param flag   "last written here by …, not by …" for an entry the sender did not write, else empty
     */
    public record ChangeView(String entry, String what, String before, String after, String flag) {
        public boolean flagged() {
            return !flag.isEmpty();
        }
    }

    /**
     * The preview, once the package is read.
     *
     * @param senderWarning what is in doubt about who sent it (unsigned, another key), empty when nothing is
     * @param changes       each record added, updated or deleted, the flagged ones first, then deletions,
     *                      updates and additions, each in the package's order
     * @param flagged       what is said above the list when changes to entries the sender did not write are
     *                      in it, else empty
     */
    public record Preview(String heading, String senderWarning, List<Row> byKind, Row total, List<Row> bySite,
                          List<ConflictView> conflicts, List<ChangeView> changes, String flagged) {
    }

    private final WindowContext context;
    private final Path file;
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>(this, "preview");
    private final ObservableMap<UUID, Resolution> choices = FXCollections.observableHashMap();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private ExchangePackage pkg;
    private ImportPlan plan;

    public ImportViewModel(WindowContext context, Path file) {
        this.context = context;
        this.file = file;
    }

    private record Opened(ExchangePackage pkg, ImportPlan plan, List<Site> sites) {
    }

    /** Reads and checks the package and works out the preview; nothing is written. */
    public void open() {
        Messages messages = context.language().messages();
        running.set(true);
        progress.set(-1);
        message.set(messages.format("exchange.reading", TextDirection.leftToRight(FileNames.clean(file.getFileName().toString()))));
        context.background().read(workspace -> {
            ExchangePackage read = workspace.exchange().read(file);
            try {
                return new Opened(read, workspace.exchange().plan(read), workspace.catalog().sites());
            } catch (RuntimeException e) {
                read.close();
                throw e;
            }
        }, opened -> {
            running.set(false);
            progress.set(0);
            pkg = opened.pkg();
            plan = opened.plan();
            choices.clear();
            plan.conflicts().forEach(conflict -> choices.put(conflict.id(),
                    conflict.isDeletion() ? Resolution.MINE : Resolution.BOTH));
            preview.set(preview(plan, opened.sites()));
            message.set(plan.total().changesAnything() ? messages.get("exchange.preview.hint")
                    : messages.get("exchange.nothing-new"));
            finished.set(!plan.total().changesAnything());
        }, failure -> {
            running.set(false);
            progress.set(0);
            finished.set(true);
            message.set(context.describe(failure));
        });
    }

    private Preview preview(ImportPlan plan, List<Site> sites) {
        Messages messages = context.language().messages();
        ExchangePackage.Manifest manifest = plan.manifest();
        // A manifest without its date (or with "yesterday") says so rather than failing.
        String senderWarning = plan.senderWarning(messages).orElse("");
        String heading = messages.format(manifest.exportedAt() == null ? "exchange.from.undated" : "exchange.from",
                TextDirection.leftToRight(FileNames.clean(file.getFileName().toString())),
                manifest.exportedBy(), manifest.exportedAt() == null ? "" : when(manifest.exportedAt()), plan.steps().size());
        List<Row> byKind = new ArrayList<>();
        plan.byKindKey().forEach((kind, counts) -> byKind.add(new Row(messages.get(kind), counts)));
        Map<UUID, Site> byId = new HashMap<>();
        sites.forEach(site -> byId.put(site.id(), site));
        List<Row> bySite = new ArrayList<>();
        plan.bySite().forEach((site, counts) -> {
            if (site != null) {  // sites here and sites the package brings
                bySite.add(new Row(plan.siteName(site, byId, context.language().get()), counts));
            }
        });
        List<ConflictView> conflicts = new ArrayList<>();
        for (ImportPlan.Conflict conflict : plan.conflicts()) {
            conflicts.add(conflictView(conflict, context));
        }
        List<ImportPlan.Change> changes = new ArrayList<>(plan.changes());
        changes.sort(Comparator.comparing((ImportPlan.Change change) -> !change.flagged())
                .thenComparing(change -> -change.what().ordinal()));  // stable: the package's order within
        long flagged = changes.stream().filter(ImportPlan.Change::flagged).count();
        return new Preview(heading, senderWarning, byKind, new Row(messages.get("exchange.total"), plan.total()), bySite,
                conflicts, changes.stream().map(change -> changeView(change, manifest.exportedBy(), messages)).toList(),
                flagged == 0 ? "" : messages.format("exchange.changes.flagged", flagged, manifest.exportedBy()));
    }

    /** Old beside new: for an update only the fields that change, each with its label; texts kept short. */
    private static ChangeView changeView(ImportPlan.Change change, String sender, Messages messages) {
        // The delegates' own words marked with their direction: a French title inside an Arabic sentence.
        String entry = messages.format("exchange.change.entry", messages.get(change.kindKey()),
                TextDirection.inSentence(change.headline()));
        String what = messages.get(change.whatKey());
        String before = "";
        String after;
        switch (change.what()) {
            case ADDED -> after = TextDirection.inSentence(shortened(change.after().text()));
            case DELETED -> {
                before = TextDirection.inSentence(shortened(change.before().text()));
                after = messages.get("exchange.change.to-trash");
            }
            default -> {
                before = changedFields(change.before(), messages);
                after = changedFields(change.after(), messages);
            }
        }
        String flag = change.flagged() ? messages.format(change.flagKey(), change.author(), sender) : "";
        return new ChangeView(entry, what, before, after, flag);
    }

    private static String shortened(String text) {
        return Graphemes.shorten(text, CHANGE_CHARS);
    }

    /** At most this many characters of a version in the list: enough to recognise it, the list stays a list. */
    private static final int CHANGE_CHARS = 240;

    private static String changedFields(ImportPlan.Version version, Messages messages) {
        return fieldLines(version.lines().stream().filter(ImportPlan.Line::differs).toList(), messages,
                line -> TextDirection.inSentence(shortened(line.value().strip())));
    }

    /** One "Label: value" line per field ({@code exchange.field-value}), each value as {@code value} says it. */
    private static String fieldLines(List<ImportPlan.Line> lines, Messages messages,
                                     java.util.function.Function<ImportPlan.Line, String> value) {
        StringBuilder text = new StringBuilder();
        for (ImportPlan.Line line : lines) {
            text.append(messages.format("exchange.field-value", Failures.fieldLabel(line.field(), messages),
                    value.apply(line))).append('\n');
        }
        return text.toString().strip();
    }

    /** A conflict as an import's preview and the sync conflicts list show it, in the window's language. */
    static ConflictView conflictView(ImportPlan.Conflict conflict, WindowContext context) {
        Messages messages = context.language().messages();
        ImportPlan.Version mine = conflict.mineVersion();
        ImportPlan.Version theirs = conflict.theirsVersion();
        String kind = messages.get(conflict.kindKey()) + " · "
                + TextDirection.inSentence(mine.title(context.language().get()));
        return new ConflictView(conflict, kind, readable(mine, context), changed(mine, context),
                readable(theirs, context), changed(theirs, context));
    }

    /**
     * A version as a person reads it: a record of one field as it is (a note's body), else one "Label: value"
     * line per field that differs from the other side ("—" where this side has none; every field when none
     * differs, as for a deletion), with a site's level, an idea's status, yes or no, themes and administrations
     * in words.
     */
    static String readable(ImportPlan.Version version, WindowContext context) {
        Messages messages = context.language().messages();
        if (version.lines().size() == 1) {
            return version.lines().get(0).value().strip();
        }
        List<ImportPlan.Line> lines = version.lines().stream().filter(ImportPlan.Line::differs).toList();
        if (lines.isEmpty()) {
            lines = version.lines().stream().filter(line -> !line.value().isBlank()).toList();
        }
        return fieldLines(lines, messages, line -> line.value().isBlank() ? "—"
                : TextDirection.inSentence(inWords(line, context).strip()));
    }

    /** A field's value in the window's language where it is a code; an unknown code (from a newer Rihla) as it is. */
    private static String inWords(ImportPlan.Line line, WindowContext context) {
        Messages messages = context.language().messages();
        String value = line.value();
        List<String> items = List.of(value.split(", "));
        return switch (line.type()) {
            case BOOLEAN -> messages.get(Boolean.parseBoolean(value) ? "value.yes" : "value.no");
            case THEMES -> messages.list(items.stream().map(code -> context.themes().stream()
                    .filter(theme -> theme.code().equals(code)).findFirst()
                    .map(theme -> theme.label().in(context.language().get())).orElse(code)).toList());
            case TARGETS -> messages.list(items.stream().map(id -> context.administrations().stream()
                    .filter(administration -> administration.id().toString().equals(id)).findFirst()
                    .map(administration -> administration.shortName(context.language().get())).orElse(id)).toList());
            default -> {
                String key = switch (line.field()) {
                    case "level" -> "level." + value;
                    case "status" -> "idea-status." + value;
                    case "effort" -> "effort." + value.toLowerCase(java.util.Locale.ROOT);
                    case "impact" -> "impact." + value;
                    default -> null;
                };
                yield key != null && messages.has(key) ? messages.get(key) : value;
            }
        };
    }

    private String when(Instant instant) {
        return context.language().dateTime(FormatStyle.MEDIUM).format(instant);
    }

    /** Whether one version is deleted, who changed it last and when. */
    private static String changed(ImportPlan.Version version, WindowContext context) {
        Messages messages = context.language().messages();
        String changed = messages.format("exchange.conflict.changed", String.valueOf(version.changedBy()),
                context.language().dateTime(FormatStyle.MEDIUM).format(version.changedAt()));
        return version.deleted() ? messages.get("exchange.conflict.deleted") + " · " + changed : changed;
    }

    /**
     * The deletions to confirm one by one before importing, each as "kind: what it is", empty when there are
     * few enough ({@link ImportPlan#deletionsNeedConfirming}).
     */
    public List<String> deletionsToConfirm() {
        Map<UUID, Resolution> chosen = Map.copyOf(choices);
        if (plan == null || !plan.deletionsNeedConfirming(chosen)) {
            return List.of();
        }
        return plan.deletionLines(chosen, context.language().messages());
    }

    /** Imports as previewed, the conflicts settled as chosen (no deletions confirmed one by one). */
    public void importNow() {
        importNow(0);
    }

    /**
     * Imports as previewed, the conflicts settled as chosen, {@code confirmedDeletions} deletions confirmed
     * by the user ({@link #deletionsToConfirm()}).
     */
    public void importNow(int confirmedDeletions) {
        if (plan == null || running.get() || finished.get()) {
            return;
        }
        Messages messages = context.language().messages();
        running.set(true);
        cancelled.set(false);
        progress.set(0);
        Map<UUID, Resolution> chosen = Map.copyOf(choices);
        ImportPlan previewed = plan;
        context.background().write(workspace -> workspace.exchange().apply(pkg, previewed, chosen, confirmedDeletions,
                (done, total) -> context.background().onUi(() -> {
                    progress.set(total == 0 ? 1 : (double) done / total);
                    message.set(messages.format("exchange.importing", done, total));
                }), cancelled::get), imported -> {
                    running.set(false);
                    finished.set(true);
                    progress.set(1);
                    message.set(imported.describe(messages));
                    context.knowledgeChanged();  // a package brings sites, visits and themes too
                }, failure -> {
                    running.set(false);
                    progress.set(0);
                    message.set(context.describe(failure));
                    // Stopped, or deletions not confirmed: Import may be chosen again. Anything else (the store
                    // changed since the preview, a damaged file): the preview no longer holds, open it again.
                    finished.set(!(Failures.cause(failure) instanceof RejectedInput rejected
                            && (rejected.messageKey().equals("exchange.cancelled")
                            || rejected.messageKey().equals("exchange.mass-deletion"))));
                });
    }

    /** Stops a running import: it is rolled back whole. */
    public void cancel() {
        cancelled.set(true);
    }

    /** The dialog closed: stop, and let go of the package file once any import has finished. */
    public void close() {
        cancel();
        ExchangePackage open = pkg;
        if (open != null) {
            context.background().write(workspace -> {
                open.close();
                return null;
            }, done -> { }, failure -> { });
        }
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }

    public ObservableMap<UUID, Resolution> choices() {
        return choices;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Imported, failed to open, or nothing to import: Import is no longer offered. */
    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }
}
