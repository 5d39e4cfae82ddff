package ma.etamkeen.rihla.service;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.store.Backups;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.store.StoreException;
import ma.etamkeen.rihla.store.SyncRepository;
import ma.etamkeen.rihla.store.Tx;

/**
 * Sync through a hub (a shared folder or a PostgreSQL server, see {@link HubAddress}): every delegate gets
 * everyone's notes without passing packages around. A sync reads what the other laptops sent since this laptop
 * last read the hub, and merges it exactly like an import (the exchange format's version rules: content
 * hashes, never clocks): what does not conflict is taken at once, everything read in one transaction; a conflict
 * waits in a list the user settles side by side ({@link #conflicts}, {@link #settle}) unless a choice was given
 * for all. Then it sends what changed here since the hub last had it. A backup is taken before anything it
 * brings is written, so a sync is undone by restoring it. One sync at a time on a laptop.
 */
public final class SyncService {
    private static final Logger LOG = Logger.getLogger(SyncService.class.getName());
    static final String HUB = "sync.hub";
    static final String PASSWORD = "sync.password";
    static final String KEY = "sync.key";
    static final String AUTO = "sync.auto";
    static final String LAPTOP = "sync.laptop";
    static final String LAST = "sync.last";
    /** Minutes between automatic syncs while the window is open and the hub is reachable. */
    public static final int AUTO_MINUTES = 5;

    /**
     * What a sync did.
     *
     * @param sent      records sent (the hub took them)
     * @param refused   records the hub refused: changed there meanwhile; their conflict is in the list
     * @param received  what the change sets read brought, as an import counts it (conflicts: those settled now)
     * @param newByAuthor new notes, lessons learned and ideas for transfer, by who wrote them and kind code
     * @param waiting   conflicts waiting in the list after this sync (this one's and older ones)
     * @param unread   change sets left for a later sync because they could not be read whole yet (a file still
     *                  being copied), each with why
     * @param backup    the backup taken before the sync wrote anything, null when it brought nothing
     */
    public record Synced(String hub, Instant at, int sent, int refused, ImportPlan.Counts received,
                         Map<String, Map<String, Integer>> newByAuthor, int waiting, List<Unread> unread,
                         Backups.Backup backup) {
        /** The sentences for the status bar and the command line, in {@code messages}' language. */
        public String describe(Messages messages) {
            List<String> parts = new ArrayList<>();
            parts.add(messages.format("sync.done", hub, sent, received.added(), received.updated(), received.deletions()));
            List<String> brought = new ArrayList<>();
            newByAuthor.forEach((author, kinds) -> kinds.forEach((kind, count) ->
                    brought.add(messages.format("sync.new." + kind, count, author))));
            if (!brought.isEmpty()) {
                parts.add(messages.list(brought.subList(0, Math.min(3, brought.size())))
                        + (brought.size() > 3 ? messages.get("sync.and-more") : ""));
            }
            if (waiting > 0) {
                parts.add(messages.format("sync.waiting", waiting));
            }
            unread.forEach(file -> parts.add(messages.format("sync.incomplete", file.name(),
                    Failures.describe(file.why(), messages, java.util.function.UnaryOperator.identity()))));
            return String.join(" ", parts);
        }
    }

    /** A change set left for a later sync: its name in the hub, and why it could not be read. */
    public record Unread(String name, RejectedInput why) {
    }

    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final ExchangeService exchange;
    private final ExchangeRepository records = new ExchangeRepository();
    private final SyncRepository sync = new SyncRepository();
    private final SettingsRepository settings = new SettingsRepository();
    private final ReentrantLock oneAtATime = new ReentrantLock();

    SyncService(Database database, Identity identity, SearchService search, ExchangeService exchange) {
        this.database = database;
        this.identity = identity;
        this.search = search;
        this.exchange = exchange;
    }

    // Settings.

    /** The hub chosen in the sync settings, with its password when one was kept; empty when none was chosen. */
    public Optional<HubAddress> hub() {
        return database.read(tx -> {
            Optional<String> text = settings.get(tx, HUB);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            HubAddress address = HubAddress.parse(text.get());
            Optional<String> sealed = settings.get(tx, PASSWORD);
            return Optional.of(sealed.isPresent() && !address.isFolder()
                    ? address.withPassword(unseal(tx, sealed.get())) : address);
        });
    }

    /**
     * Chooses the hub (null: none). Its password, if any, is kept sealed in the store (AES-GCM under a key this
     * store keeps; NIST SP 800-38D): never in a text file, a log or a message.
     */
    public void setHub(HubAddress address) {
        database.write(tx -> {
            settings.put(tx, HUB, address == null ? null : address.text());
            settings.put(tx, PASSWORD, address == null || address.password() == null ? null : seal(tx, address.password()));
            return null;
        });
    }

    /** Whether the window syncs by itself at start and every {@link #AUTO_MINUTES} minutes (on unless turned off). */
    public boolean automatic() {
        return database.read(tx -> settings.get(tx, AUTO).map(Boolean::parseBoolean).orElse(true));
    }

    public void setAutomatic(boolean on) {
        database.write(tx -> {
            settings.put(tx, AUTO, Boolean.toString(on));
            return null;
        });
    }

    /** When this laptop last synced, if it ever did. */
    public Optional<Instant> lastSync() {
        return database.read(tx -> settings.get(tx, LAST).map(Instant::parse));
    }

    // Sync.

    /**
     * Prepares an empty PostgreSQL database as a hub (a folder needs no preparing).
     *
     * @return the version of the hub's schema
     * @throws RejectedInput {@code sync.init-folder}, {@code sync.hub-unreachable}, {@code sync.hub-foreign}
     */
    public String prepare(HubAddress address) {
        if (address.isFolder()) {
            throw new RejectedInput("sync.init-folder", address.text());
        }
        return PostgresHub.prepare(address);
    }

    /**
     * Syncs with {@code address}: reads and merges what the others sent, then sends what changed here.
     *
     * @param settle how to settle each conflict now (those that waited, and this sync's), or null to let them wait in
     *               the list
     * @throws RejectedInput {@code sync.folder-missing}, {@code sync.folder-unwritable}, {@code sync.hub-unreachable},
     *                       {@code sync.hub-failed}, {@code sync.hub-not-prepared}, {@code sync.hub-newer}, and a
     *                       server's row that does not pass a package's checks ({@code exchange.*}) — the store keeps
     *                       all of what was read or none of it, and the hub is never left half-written
     */
    public Synced sync(HubAddress address, Function<ImportPlan.Conflict, Resolution> settle) {
        oneAtATime.lock();
        try (Hub hub = open(address)) {
            Received received = new Received();
            if (settle != null) {
                conflicts().forEach(conflict -> settle(conflict.id(), settle.apply(conflict)));
            }
            read(hub, settle, received);
            if (hub.forgot()) {
                database.write(tx -> {
                    sync.forget(tx, hub.id());  // what it held of ours is gone: all of it goes again
                    return null;
                });
            }
            Set<UUID> waiting = database.read(tx -> ids(sync.conflicts(tx)));
            List<Hub.Outgoing> outgoing = outgoing(hub.id(), waiting);
            Hub.Pushed pushed = new Hub.Pushed(Set.of(), Set.of(), null, 0);
            if (!outgoing.isEmpty()) {
                pushed = hub.push(changeSet(outgoing));
                Map<UUID, String> hashes = new HashMap<>();
                outgoing.forEach(out -> hashes.put(out.record().id(), out.record().hash()));
                Set<UUID> taken = pushed.taken();
                Hub.Pushed sent = pushed;
                database.write(tx -> {
                    if (sent.source() != null) {
                        sync.cursor(tx, hub.id(), sent.source(), sent.position());
                    }
                    Map<UUID, Set<String>> known = records.versions(tx);
                    for (UUID id : taken) {
                        sync.onHub(tx, hub.id(), id, hashes.get(id));
                        records.addVersions(tx, id, List.of(hashes.get(id)), known.getOrDefault(id, Set.of()));
                    }
                    return null;
                });
            }
            if (!pushed.refused().isEmpty()) {
                read(hub, settle, received);  // brings the versions that refused ours: conflicts to settle
            }
            Instant at = Instant.now();
            int stillWaiting = database.write(tx -> {
                settings.put(tx, LAST, at.toString());
                return sync.conflicts(tx).size();
            });
            if (received.changed) {
                search.rebuild();
            }
            return new Synced(hub.describe(), at, pushed.taken().size(), pushed.refused().size(), received.counts, received.newByAuthor,
                    stillWaiting, received.unread, received.backup);
        } finally {
            oneAtATime.unlock();
        }
    }

    private Hub open(HubAddress address) {
        if (address.isFolder()) {
            UUID laptop = laptopId();
            return new FolderHub(address.folder(), laptop, exchange::read);
        }
        return new PostgresHub(address, changes -> PackageReader.checked(address.text(), changes, database));
    }

    /** This laptop's id among the laptops of a hub (its folder's name in a folder hub). */
    private UUID laptopId() {
        return database.write(tx -> {
            Optional<String> id = settings.get(tx, LAPTOP);
            if (id.isPresent()) {
                return UUID.fromString(id.get());
            }
            UUID created = UUID.randomUUID();
            settings.put(tx, LAPTOP, created.toString());
            return created;
        });
    }

    /** What the reads of one sync brought, added up. */
    private static final class Received {
        ImportPlan.Counts counts = ImportPlan.Counts.NONE;
        final Map<String, Map<String, Integer>> newByAuthor = new LinkedHashMap<>();
        final List<Unread> unread = new ArrayList<>();
        Backups.Backup backup;
        boolean changed;
    }

    /** A change set read whole, before anything is merged. */
    private record Opened(Hub.Batch batch, ExchangePackage pkg) {
    }

    /**
     * Reads every change set not read yet — each whole, checked, before anything is written: a hub that goes away
     * meanwhile (a USB stick pulled) leaves the store as it was — then merges them all, with the cursors, in one
     * transaction.
     */
    private void read(Hub hub, Function<ImportPlan.Conflict, Resolution> settle, Received received) {
        Map<String, Long> cursors = database.read(tx -> sync.cursors(tx, hub.id()));
        Set<String> stopped = new HashSet<>();  // a source whose change set is not complete: the later ones wait
        String me = identity.stamp().by();
        List<Opened> opened = new ArrayList<>();
        try {
            for (Hub.Batch batch : hub.unread(cursors)) {
                if (stopped.contains(batch.source())) {
                    continue;
                }
                try {
                    opened.add(new Opened(batch, batch.open().get()));
                } catch (RejectedInput e) {
                    if (!batch.later()) {
                        throw e;  // a server's rows that do not pass: nothing of them is taken, and the user is told
                    }
                    LOG.log(Level.INFO, "Sync: " + batch.name() + " is left for a later sync: " + e.getMessage() + " "
                            + java.util.Arrays.toString(e.args()));
                    stopped.add(batch.source());
                    received.unread.add(new Unread(batch.name(), e));
                }
            }
            if (opened.isEmpty()) {
                return;
            }
            if (received.backup == null) {
                received.backup = Backups.create(database, "before-sync");
            }
            Stamp stamp = identity.stamp();
            List<ImportPlan> plans = database.write(tx -> {
                List<ImportPlan> merged = new ArrayList<>();
                for (Opened each : opened) {
                    merged.add(merge(tx, hub.id(), each.batch(), each.pkg(), settle, stamp, me));
                }
                return merged;
            });
            for (ImportPlan plan : plans) {
                received.counts = plus(received.counts, plan, settle != null);
                received.changed |= plan.total().changesAnything();
                plan.steps().forEach(step -> countNew(step, received.newByAuthor));
            }
        } finally {
            opened.forEach(each -> each.pkg().close());
        }
    }

    /** Merges one change set and moves the cursor past it, within the sync's transaction. */
    private ImportPlan merge(Tx tx, String hubId, Hub.Batch batch, ExchangePackage pkg,
                             Function<ImportPlan.Conflict, Resolution> settle, Stamp stamp, String me) throws SQLException {
        ImportPlan plan = exchange.plan(tx, pkg, me);
        Map<UUID, SyncRepository.Conflict> pending = new HashMap<>();
        sync.conflicts(tx).forEach(conflict -> pending.put(conflict.theirs().id(), conflict));
        Map<UUID, Resolution> choices = new HashMap<>();
        if (settle != null) {
            plan.conflicts().forEach(conflict -> choices.put(conflict.id(), settle.apply(conflict)));
        }
        Instant now = Instant.now();
        ExchangeService.Merged merged = exchange.merge(tx, pkg, plan, choices, stamp, ExchangeService.Progress.NONE,
                () -> false, (writing, step) -> {
                    Record theirs = step.theirs();
                    sync.putConflict(writing, new SyncRepository.Conflict(theirs, step.incoming().versions(),
                            ExchangeService.content(pkg, theirs), hubId, now));
                    return true;
                });
        for (ImportPlan.Step step : plan.steps()) {
            UUID id = step.theirs().id();
            if (merged.waiting().contains(id)) {
                continue;
            }
            sync.onHub(tx, hubId, id, step.theirs().hash());
            SyncRepository.Conflict kept = pending.get(id);
            if (kept != null && (step.incoming().versions().contains(kept.theirs().hash())
                    || step.theirs().hash().equals(kept.theirs().hash()) || step.decision() == ImportPlan.Decision.CONFLICT)) {
                sync.removeConflict(tx, id);  // a newer version of theirs came, or it was settled now
            }
            if (step.decision() == ImportPlan.Decision.CONFLICT) {
                sync.sendAgain(tx, id);  // settled now: the others learn which version stays
            }
        }
        sync.cursor(tx, hubId, batch.source(), batch.position());
        return plan;
    }

    private static ImportPlan.Counts plus(ImportPlan.Counts sum, ImportPlan plan, boolean conflictsSettled) {
        ImportPlan.Counts total = plan.total();
        return new ImportPlan.Counts(sum.added() + total.added(), sum.updated() + total.updated(),
                sum.unchanged() + total.unchanged(), sum.conflicts() + (conflictsSettled ? total.conflicts() : 0),
                sum.deletions() + total.deletions());
    }

    private static void countNew(ImportPlan.Step step, Map<String, Map<String, Integer>> newByAuthor) {
        RecordKind<?> kind = step.theirs().kind();
        if (step.decision() == ImportPlan.Decision.NEW && !step.theirs().isDeleted()
                && (kind == RecordKind.NOTE || kind == RecordKind.LESSON || kind == RecordKind.IDEA)) {
            String author = String.valueOf(step.theirs().text("updated_by"));
            newByAuthor.computeIfAbsent(author, a -> new LinkedHashMap<>()).merge(kind.code(), 1, Integer::sum);
        }
    }

    /** The records whose version here is not the one the hub holds, but those whose conflict waits. */
    private List<Hub.Outgoing> outgoing(String hubId, Set<UUID> waiting) {
        return database.read(tx -> {
            Map<UUID, String> onHub = sync.onHub(tx, hubId);
            Map<UUID, Set<String>> versions = records.versions(tx);
            List<Hub.Outgoing> outgoing = new ArrayList<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                for (Record record : records.all(tx, kind)) {
                    String hash = record.hash();
                    if (!hash.equals(onHub.get(record.id())) && !waiting.contains(record.id())) {
                        Set<String> known = new TreeSet<>(versions.getOrDefault(record.id(), Set.of()));
                        known.add(hash);
                        outgoing.add(new Hub.Outgoing(record, known));
                    }
                }
            }
            return outgoing;
        });
    }

    private Hub.ChangeSet changeSet(List<Hub.Outgoing> outgoing) {
        Set<UUID> ids = new HashSet<>();
        outgoing.forEach(out -> ids.add(out.record().id()));
        return new Hub.ChangeSet(identity.stamp().by(), outgoing, attachment -> {
            try {
                return database.read(tx -> records.content(tx, attachment.id()));
            } catch (StoreException e) {
                LOG.log(Level.WARNING, "Sync: the bytes of attachment " + attachment.id() + " are missing here", e);
                return null;
            }
        }, file -> exchange.export(file, ExchangeService.ExportScope.changes(ids), ExchangeService.Progress.NONE));
    }

    // Conflicts.

    /** The conflicts waiting, oldest first: this laptop's version and theirs, side by side. */
    public List<ImportPlan.Conflict> conflicts() {
        return database.read(tx -> {
            List<SyncRepository.Conflict> kept = sync.conflicts(tx);
            Map<UUID, Record> mine = new HashMap<>();
            Set<RecordKind<?>> kinds = new HashSet<>();
            kept.forEach(conflict -> kinds.add(conflict.theirs().kind()));
            for (RecordKind<?> kind : kinds) {  // one read per kind, however many conflicts wait
                records.all(tx, kind).forEach(record -> mine.put(record.id(), record));
            }
            List<ImportPlan.Conflict> conflicts = new ArrayList<>();
            for (SyncRepository.Conflict conflict : kept) {
                Record theirs = conflict.theirs();
                Record here = mine.get(theirs.id());
                if (here != null) {
                    conflicts.add(new ImportPlan.Conflict(theirs.kind(), theirs.id(), ImportPlan.siteOf(theirs), here, theirs));
                }
            }
            return conflicts;
        });
    }

    /** How many conflicts wait. */
    public int waiting() {
        return database.read(tx -> sync.conflicts(tx).size());
    }

    /**
     * Settles a waiting conflict as an import would: keep mine (theirs is known here from now on), take theirs, or
     * keep both (theirs as a copy). The record goes to the hub again with the next sync, so that the others learn
     * which version stays. A conflict already gone (settled meanwhile) is nothing to do.
     */
    public void settle(UUID id, Resolution choice) {
        Stamp stamp = identity.stamp();
        boolean changed = database.write(tx -> {
            Optional<SyncRepository.Conflict> kept = sync.conflict(tx, id);
            if (kept.isEmpty()) {
                return false;
            }
            Record theirs = kept.get().theirs();
            Map<RecordKind<?>, List<ExchangePackage.Incoming>> one = new LinkedHashMap<>();
            RecordKind.all().forEach(kind -> one.put(kind, new ArrayList<>()));
            one.get(theirs.kind()).add(new ExchangePackage.Incoming(theirs, kept.get().versions()));
            byte[] content = kept.get().content();
            ExchangePackage pkg = ExchangePackage.of(new ExchangePackage.Manifest(ExchangeFormat.FORMAT, "Rihla sync",
                    kept.get().receivedAt(), String.valueOf(theirs.text("updated_by")), "changes", Map.of(), null),
                    one, attachment -> attachment.equals(theirs.id()) ? content : null);
            ImportPlan plan = exchange.plan(tx, pkg, stamp.by());
            exchange.merge(tx, pkg, plan, Map.of(id, choice), stamp, ExchangeService.Progress.NONE, () -> false, null);
            sync.removeConflict(tx, id);
            sync.sendAgain(tx, id);
            return true;
        });
        if (changed) {
            search.rebuild();
        }
    }

    private static Set<UUID> ids(List<SyncRepository.Conflict> conflicts) {
        Set<UUID> ids = new HashSet<>();
        conflicts.forEach(conflict -> ids.add(conflict.theirs().id()));
        return ids;
    }

    // The password's seal.

    private String seal(Tx tx, String password) throws SQLException {
        try {
            byte[] iv = new byte[12];
            new SecureRandom().nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(tx), new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] both = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, both, 0, iv.length);
            System.arraycopy(sealed, 0, both, iv.length, sealed.length);
            return Base64.getEncoder().encodeToString(both);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String unseal(Tx tx, String sealed) throws SQLException {
        try {
            byte[] both = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(tx), new GCMParameterSpec(128, both, 0, 12));
            return new String(cipher.doFinal(both, 12, both.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "The hub's kept password no longer opens; it is asked again", e);
            return null;
        }
    }

    /** This store's key for sealing the hub's password (256 bits, made on first use). */
    private SecretKeySpec key(Tx tx) throws SQLException {
        Optional<String> kept = settings.get(tx, KEY);
        byte[] key;
        if (kept.isPresent()) {
            key = Base64.getDecoder().decode(kept.get());
        } else {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
            settings.put(tx, KEY, Base64.getEncoder().encodeToString(key));
        }
        return new SecretKeySpec(key, "AES");
    }
}
