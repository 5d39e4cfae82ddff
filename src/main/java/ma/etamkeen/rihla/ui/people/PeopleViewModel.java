package ma.etamkeen.rihla.ui.people;

import java.util.UUID;
import java.util.function.Consumer;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.ui.common.WindowContext;

/** Keeps the lists of delegates and Moroccan administrations, and who "I" am on this laptop. */
public final class PeopleViewModel {
    private final WindowContext context;

    public PeopleViewModel(WindowContext context) {
        this.context = context;
    }

    public WindowContext context() {
        return context;
    }

    public void save(Administration administration, Consumer<String> refused, Runnable saved) {
        context.background().write(workspace -> workspace.people().save(administration), done -> {
            context.loadLists();
            context.saveStatus().saved();
            saved.run();
        }, failure -> refused.accept(context.describe(failure)));
    }

    public void save(Delegate delegate, Consumer<String> refused, Runnable saved) {
        context.background().write(workspace -> workspace.people().save(delegate), done -> {
            context.loadLists();
            context.saveStatus().saved();
            saved.run();
        }, failure -> refused.accept(context.describe(failure)));
    }

    public void deleteAdministration(UUID id) {
        context.background().write(workspace -> {
            workspace.people().deleteAdministration(id);
            return null;
        }, done -> context.loadLists());
    }

    public void deleteDelegate(UUID id) {
        context.background().write(workspace -> {
            workspace.people().deleteDelegate(id);
            return null;
        }, done -> context.loadLists());
    }

    /** Chooses the delegate using this laptop (the author of new entries and the name on every change). */
    public void setMe(UUID delegateId) {
        context.background().write(workspace -> {
            workspace.identity().setMe(delegateId);
            return null;
        }, done -> context.loadLists());
    }
}
