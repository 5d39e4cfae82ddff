package ma.etamkeen.rihla.service;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.StoreCounts;
import ma.etamkeen.rihla.store.Damage;
import ma.etamkeen.rihla.store.DamagedStoreException;
import ma.etamkeen.rihla.store.StoreRepair;

/**
 * A data folder whose database could not be opened as it was: what was found, the newest good backup, and
 * the ways out the user chooses from — restore a backup, try H2's recovery tool, start empty on purpose, or
 * use a database copied in from elsewhere as it is.
 * Each keeps the damaged database as it is (in {@code damaged/}) and works on the closed folder; open it
 * again afterwards. Until the user chooses, nothing writes to the folder: no automatic backup, no pruning.
 */
public final class DamagedStore {

    /** What was found; see {@link Damage.Kind}. */
    public enum Kind { MISSING, UNREADABLE, WENT_BACK, INTERRUPTED_UPGRADE, FOREIGN }

    private final Path folder;
    private final Damage damage;
    private final Optional<BackupService.Backup> newestGood;

    private DamagedStore(Path folder, Damage damage, Optional<BackupService.Backup> newestGood) {
        this.folder = folder;
        this.damage = damage;
        this.newestGood = newestGood;
    }

    /** The data folder. */
    public Path folder() {
        return folder;
    }

    /** Its database file, damaged or missing. */
    public Path file() {
        return damage.file();
    }

    /** What was found. */
    public Kind kind() {
        return Kind.valueOf(damage.kind().name());
    }

    /** The backup to offer first, if there is one. */
    public Optional<BackupService.Backup> newestGood() {
        return newestGood;
    }

    /**
     * The damaged store behind {@code failure}, with its newest good backup (found by reading the backups:
     * call off the JavaFX thread); empty when the failure is not a damaged store.
     */
    public static Optional<DamagedStore> of(Throwable failure) {
        if (!(Failures.cause(failure) instanceof DamagedStoreException damaged)) {
            return Optional.empty();
        }
        Damage damage = damaged.damage();
        Path folder = damage.file().toAbsolutePath().getParent();
        // A foreign database: the backups to offer are those of the store the folder had.
        Optional<String> own = damage.kind() == Damage.Kind.FOREIGN ? Optional.of(damage.known().database())
                : Optional.empty();
        return Optional.of(new DamagedStore(folder, damage, BackupService.newestGood(folder, own)));
    }

    /**
     * What happened, in the user's language: the damage, that the file is untouched, and the newest good
     * backup (its date and what it holds) or that there is none.
     *
     * @param value marks a value (a path) placed in a sentence, e.g. to keep it left to right in Arabic
     */
    public String describe(Messages messages, UnaryOperator<String> value) {
        String untouched = damage.kind() == Damage.Kind.MISSING ? "damage.untouched.missing" : "damage.untouched";
        return whatHappened(damage, messages, value) + "\n" + messages.get(untouched) + "\n\n"
                + newestGood.map(backup -> messages.format("damage.newest-backup",
                        BackupService.when(backup, messages), BackupService.counts(backup.counts(), messages)))
                .orElse(messages.get("damage.no-backup"));
    }

    /** The sentence that names the damage. */
    static String whatHappened(Damage damage, Messages messages, UnaryOperator<String> value) {
        String file = value.apply(damage.file().toString());
        return switch (damage.kind()) {
            case MISSING -> messages.format(damage.kind().messageKey(), file, witness(damage.witness(), messages));
            case WENT_BACK -> messages.format(damage.kind().messageKey(), file, damage.store().revision(),
                    witness(damage.witness(), messages), damage.known().revision());
            default -> messages.format(damage.kind().messageKey(), file);
        };
    }

    private static String witness(String witness, Messages messages) {
        return switch (String.valueOf(witness)) {
            case "marker", "index", "backups" -> messages.get("damage.witness." + witness);
            default -> messages.format("damage.witness.backup", witness);
        };
    }

    /** Restores {@code backup} in place of the damaged database; returns what became of that one. */
    public ma.etamkeen.rihla.store.Backups.Replaced restore(Path backup) {
        return BackupService.restore(folder, backup);
    }

    /**
     * Rebuilds the store from what H2's recovery tool can read of the damaged file.
     *
     * @return what the recovered store holds
     * @throws ma.etamkeen.rihla.store.StoreException {@code NOT_RECOVERABLE} when nothing usable could be read
     */
    public StoreCounts recover() {
        return StoreRepair.recover(folder);
    }

    /** Whether the database can be used as it is, on purpose: a readable store copied in from elsewhere. */
    public boolean usableAsItIs() {
        return damage.kind() == Damage.Kind.FOREIGN;
    }

    /** Uses the foreign database as the folder's store from now on; see {@link StoreRepair#useAsItIs}. */
    public void useAsItIs() {
        StoreRepair.useAsItIs(folder);
    }

    /** Starts again with only the built-in data; the backups stay, for a later restore. */
    public void startEmpty() {
        StoreRepair.startEmpty(folder);
    }

    /** The backups of the folder, newest first (for choosing another than the newest). */
    public java.util.List<BackupService.Backup> backups() {
        return BackupService.list(folder);
    }
}
