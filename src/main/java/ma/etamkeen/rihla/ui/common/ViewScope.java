package ma.etamkeen.rihla.ui.common;

import java.util.function.BiConsumer;

import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.scene.Node;
import javafx.util.Subscription;

/**
 * The listeners a view puts on objects that live longer than it (its view model, the window context, their
 * lists), ended together when the view goes: the main window's views when the window is redrawn in another
 * language ({@link WindowContext#redrawing()}), a dialog's when it is closed ({@link #endWhenClosed}). A view
 * that listened directly would stay reachable from those objects — and in memory, still reacting — after it
 * was gone. Built on JavaFX 21's {@link Subscription}.
 */
public final class ViewScope {
    private Subscription subscriptions = Subscription.EMPTY;
    private boolean ended;

    /** Calls {@code onChange} with the old and the new value each time {@code value} changes, while the view lives. */
    public <T> void onChange(ObservableValue<T> value, BiConsumer<? super T, ? super T> onChange) {
        add(value.subscribe(onChange));
    }

    /** Listens to a list while the view lives. */
    public <E> void onChange(ObservableList<E> list, ListChangeListener<? super E> listener) {
        list.addListener(listener);
        add(() -> list.removeListener(listener));
    }

    /** Listens to a set while the view lives. */
    public <E> void onChange(ObservableSet<E> set, SetChangeListener<? super E> listener) {
        set.addListener(listener);
        add(() -> set.removeListener(listener));
    }

    /** Ends {@code subscription} with the view. */
    public void add(Subscription subscription) {
        if (ended) {
            subscription.unsubscribe();  // a view loaded for a scope already over never listens
        } else {
            subscriptions = subscriptions.and(subscription);
        }
    }

    /** Removes every listener of the view. */
    public void end() {
        ended = true;
        subscriptions.unsubscribe();
        subscriptions = Subscription.EMPTY;
    }

    /** Ends the scope when the window that ends up holding {@code node} (a dialog) is closed. */
    public ViewScope endWhenClosed(Node node) {
        Dialogs.whenClosed(node, this::end);
        return this;
    }
}
