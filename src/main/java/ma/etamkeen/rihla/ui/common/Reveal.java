package ma.etamkeen.rihla.ui.common;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * An item to select as soon as its list holds it: a search hit or a practice opened before its site's
 * entries have loaded.
 *
 * @param <T> the items of the list
 */
public final class Reveal<T> {
    private final Function<T, UUID> idOf;
    private final Consumer<T> select;
    private UUID pending;

    public Reveal(Function<T, UUID> idOf, Consumer<T> select) {
        this.idOf = idOf;
        this.select = select;
    }

    /** Selects the item with {@code id} in {@code items} now, or once {@link #apply} finds it there. */
    public void reveal(UUID id, List<T> items) {
        pending = id;
        apply(items);
    }

    /** Call after the list has (re)loaded. */
    public void apply(List<T> items) {
        if (pending == null) {
            return;
        }
        for (T item : items) {
            if (idOf.apply(item).equals(pending)) {
                pending = null;
                select.accept(item);
                return;
            }
        }
    }

    /** The list moved on to something else (another site): forget what was waiting. */
    public void cancel() {
        pending = null;
    }
}
