package ma.etamkeen.rihla.ui.exchange;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.Locale;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.ui.common.ViewScope;
import ma.etamkeen.rihla.ui.common.TextDirection;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * The export dialog: which entries go (everything, only mine, or what changed since the last export to a
 * colleague), then the package written in the background with its progress.
 */
public final class ExportViewModel {
    public enum Scope { ALL, MINE, SINCE }

    private final WindowContext context;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(this, "scope", Scope.ALL);
    private final ObjectProperty<Delegate> colleague = new SimpleObjectProperty<>(this, "colleague");
    private final ReadOnlyStringWrapper lastExport = new ReadOnlyStringWrapper(this, "lastExport", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final FilteredList<Delegate> colleagues;

    /** @param scope ends with the dialog: the window context no longer reaches this view model then */
    public ExportViewModel(WindowContext context, ViewScope scope) {
        this.context = context;
        this.colleagues = new FilteredList<>(context.delegates(), delegate -> !delegate.equals(context.meProperty().get()));
        scope.onChange(context.meProperty(), (old, me) -> colleagues.setPredicate(delegate -> !delegate.equals(me)));
        colleague.addListener((obs, old, chosen) -> showLastExport(chosen));
    }

    private void showLastExport(Delegate chosen) {
        lastExport.set("");
        if (chosen == null) {
            return;
        }
        Messages messages = context.language().messages();
        context.background().read(workspace -> workspace.exchange().lastExportTo(chosen.id()), last -> {
            if (chosen.equals(colleague.get())) {
                lastExport.set(last.map(when -> messages.format("exchange.scope.last", chosen.name(),
                                context.language().dateTime(FormatStyle.MEDIUM).format(when)))
                        .orElseGet(() -> messages.format("exchange.scope.never", chosen.name())));
            }
        });
    }

    /** Only mine needs to know who I am; since-last-export needs a colleague. */
    public boolean canExport() {
        return switch (scope.get()) {
            case ALL -> true;
            case MINE -> context.meProperty().get() != null;
            case SINCE -> colleague.get() != null;
        };
    }

    /** A name that says whose package it is and when: rihla-amina-el-idrissi-2022-10-05.rihla. */
    public String suggestedFileName() {
        Delegate me = context.meProperty().get();
        String who = me == null ? "" : Normalizer.normalize(me.name(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        return "rihla-" + (who.isEmpty() ? "" : who + "-") + LocalDate.now() + ".rihla";
    }

    /** Writes the package in the background; the message then says how many records went where. */
    public void export(Path file) {
        ExportScope chosen = switch (scope.get()) {
            case ALL -> ExportScope.all();
            case MINE -> ExportScope.mine();
            case SINCE -> ExportScope.forColleague(colleague.get().id());
        };
        Messages messages = context.language().messages();
        running.set(true);
        progress.set(-1);
        message.set(messages.get("exchange.exporting"));
        context.background().write(workspace -> workspace.exchange().export(file, chosen,
                (done, total) -> context.background().onUi(() -> progress.set(total == 0 ? 1 : (double) done / total))),
                exported -> {
                    running.set(false);
                    progress.set(1);
                    message.set(messages.format("exchange.exported", exported.total(), TextDirection.leftToRight(file.toString())));
                    showLastExport(colleague.get());
                }, failure -> {
                    running.set(false);
                    progress.set(0);
                    message.set(context.describe(failure));
                });
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ObjectProperty<Delegate> colleagueProperty() {
        return colleague;
    }

    public ObservableList<Delegate> colleagues() {
        return colleagues;
    }

    public ObjectProperty<Delegate> meProperty() {
        return context.meProperty();
    }

    public ReadOnlyStringProperty lastExportProperty() {
        return lastExport.getReadOnlyProperty();
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
}
