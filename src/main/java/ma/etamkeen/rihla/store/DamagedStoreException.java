package ma.etamkeen.rihla.store;

/**
 * The data folder's database cannot be opened as it is ({@link StoreException.Reason#DAMAGED}); nothing was
 * written to it. {@link #damage()} says what was found, for the choice offered to the user.
 */
public final class DamagedStoreException extends StoreException {
    private final transient Damage damage;

    public DamagedStoreException(Damage damage, Throwable cause) {
        super(Reason.DAMAGED, damage.file().toString(), cause);
        this.damage = damage;
    }

    public Damage damage() {
        return damage;
    }
}
