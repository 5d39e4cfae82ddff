package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.store.AtomicFiles;
import ma.etamkeen.rihla.store.Backups;
import ma.etamkeen.rihla.store.ContentRevision;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;
import ma.etamkeen.rihla.store.Json;
import ma.etamkeen.rihla.store.Sha256;
import ma.etamkeen.rihla.store.SettingsRepository;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.store.TrashRepository;
import ma.etamkeen.rihla.store.Tx;

/**
 * Sharing between laptops without a server: a {@code .rihla} package out (everything, only my entries, or
 * what changed since the last export to a colleague), and one in — read and checked whole, previewed,
 * then merged in one transaction after a backup, so that a failure or a cancel leaves the store as it was.
 */
public final class ExchangeService {
    /** Which records a package carries. */
    public record ExportScope(Mode mode, UUID colleague, Instant since, Set<UUID> records) {
        public enum Mode { ALL, MINE, SINCE, CHANGES }

        public static ExportScope all() {
            return new ExportScope(Mode.ALL, null, null, null);
        }

        public static ExportScope mine() {
            return new ExportScope(Mode.MINE, null, null, null);
        }

        public static ExportScope since(Instant since) {
            return new ExportScope(Mode.SINCE, null, since, null);
        }

        /** What changed since the last export made for {@code colleague} (everything the first time). */
        public static ExportScope forColleague(UUID colleague) {
            return new ExportScope(Mode.SINCE, colleague, null, null);
        }

        /** The change set of a sync: these entries (by id), the knowledge base and the people going along. */
        static ExportScope changes(Set<UUID> records) {
            return new ExportScope(Mode.CHANGES, null, null, Set.copyOf(records));
        }
    }

    /** What an export wrote: records per kind. */
    public record Exported(Path file, Map<String, Integer> counts) {
        public int total() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What an import did; {@code backup} is null when there was nothing to import. */
    public record Imported(ImportPlan.Counts counts, int copies, Backups.Backup backup) {
        /** The sentence that closes an import, for the window and the command line alike. */
        public String describe(Messages messages) {
            if (backup == null) {
                return messages.get("exchange.nothing-new");
            }
            return messages.format("exchange.imported", counts.added(), counts.updated(), counts.deletions(),
                    counts.conflicts(), copies, backup.file().getFileName());
        }
    }

    /** Progress of long work: {@code done} of {@code total}. */
    public interface Progress {
        Progress NONE = (done, total) -> { };

        void update(int done, int total);
    }

    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final ExchangeRepository repository = new ExchangeRepository();
    private final TrashRepository trash = new TrashRepository();
    private final SettingsRepository settings = new SettingsRepository();

    ExchangeService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    // Export.

    /**
     * Writes a package of the records {@code scope} asks for to {@code file} (whole or not at all); they are
     * remembered as sent.
     *
     * @throws RejectedInput {@code exchange.who-am-i}, {@code exchange.export-too-many} or
     *                       {@code exchange.export-too-large} (more than a colleague's Rihla takes in one package),
     *                       {@code exchange.cannot-write}
     */
    public Exported export(Path file, ExportScope scope, Progress progress) {
        Optional<Delegate> me = identity.me();
        if (scope.mode() == ExportScope.Mode.MINE && me.isEmpty()) {
            throw new RejectedInput("exchange.who-am-i");
        }
        String sender = identity.stamp().by();
        Instant now = Database.now();
        return database.write(tx -> {
            Map<RecordKind<?>, List<Record>> all = new LinkedHashMap<>();
            for (RecordKind<?> kind : RecordKind.all()) {
                all.put(kind, repository.all(tx, kind));
            }
            Instant since = scope.colleague() != null ? repository.lastExport(tx, scope.colleague()).orElse(null)
                    : scope.since();
            Set<UUID> chosen = choose(all, scope, me.map(Delegate::id).orElse(null), since);
            refuseWhatNoReaderTakes(all, chosen);
            Map<UUID, Set<String>> versions = repository.versions(tx);
            Map<String, Integer> counts = new LinkedHashMap<>();
            int total = chosen.size();
            int done = 0;
            Path part = temporaryBeside(file);
            long recordsBytes = 0;
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
                Map<String, String> checksums = new LinkedHashMap<>();
                for (RecordKind<?> kind : RecordKind.all()) {
                    ArrayNode records = JsonNodeFactory.instance.arrayNode();
                    for (Record record : all.get(kind)) {
                        if (!chosen.contains(record.id())) {
                            continue;
                        }
                        Set<String> known = versions.getOrDefault(record.id(), Set.of());
                        String hash = record.hash();
                        repository.addVersions(tx, record.id(), List.of(hash), known);
                        Set<String> sent = new java.util.TreeSet<>(known);
                        sent.add(hash);
                        ObjectNode node = JsonNodeFactory.instance.objectNode();
                        node.put("id", record.id().toString());
                        node.setAll(record.fields());
                        ArrayNode versionList = node.putArray("versions");
                        sent.forEach(versionList::add);
                        records.add(node);
                        if (kind == RecordKind.ATTACHMENT && record.text("purged_at") == null) {
                            put(zip, ExchangeFormat.attachmentEntry(record.id()), repository.content(tx, record.id()),
                                    checksums);
                        }
                        progress.update(++done, total);
                    }
                    counts.put(kind.code(), records.size());
                    byte[] json = Json.MAPPER.writeValueAsBytes(records);
                    recordsBytes += json.length;
                    if (recordsBytes > ExchangeFormat.MAX_RECORDS_BYTES) {
                        throw new RejectedInput("exchange.export-too-large", ExchangeFormat.MAX_RECORDS_BYTES >> 20);
                    }
                    put(zip, ExchangeFormat.recordsEntry(kind.code()), json, checksums);
                }
                byte[] manifest = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                        manifest(now, sender, me, scope, since, counts, checksums));
                zip.putNextEntry(new ZipEntry(ExchangeFormat.MANIFEST));
                zip.write(manifest);
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(PackageSignature.ENTRY));  // this laptop's signature of the manifest
                zip.write(PackageSignature.sign(tx, settings, manifest));
                zip.closeEntry();
            } catch (IOException e) {
                deleteQuietly(part);
                throw new RejectedInput("exchange.cannot-write", file, e.getMessage());
            } catch (RuntimeException e) {
                deleteQuietly(part);
                throw e;
            }
            moveInPlace(part, file);
            if (scope.colleague() != null) {
                repository.exported(tx, scope.colleague(), now);
            }
            return new Exported(file, counts);
        });
    }

    /**
     * A package the colleague's reader would refuse is not written: more records of a kind, or in all, than
     * {@link ExchangeFormat} allows (the same caps as {@link PackageReader}).
     *
     * @throws RejectedInput {@code exchange.export-too-many}
     */
    private static void refuseWhatNoReaderTakes(Map<RecordKind<?>, List<Record>> all, Set<UUID> chosen) {
        int inAll = 0;
        for (Map.Entry<RecordKind<?>, List<Record>> kind : all.entrySet()) {
            int count = (int) kind.getValue().stream().filter(record -> chosen.contains(record.id())).count();
            inAll += count;
            if (count > ExchangeFormat.maxRecords(kind.getKey()) || inAll > ExchangeFormat.MAX_RECORDS) {
                throw new RejectedInput("exchange.export-too-many", chosen.size(), ExchangeFormat.MAX_RECORDS);
            }
        }
    }

    private static ObjectNode manifest(Instant now, String sender, Optional<Delegate> me, ExportScope scope, Instant since,
                                       Map<String, Integer> counts, Map<String, String> checksums) {
        ObjectNode manifest = JsonNodeFactory.instance.objectNode();
        manifest.put("format", ExchangeFormat.FORMAT);
        manifest.put("app", "Rihla " + version());
        manifest.put("exportedAt", now.toString());
        ObjectNode by = manifest.putObject("exportedBy");
        by.put("name", sender);
        me.ifPresent(delegate -> by.put("delegate", delegate.id().toString()));
        ObjectNode scopeNode = manifest.putObject("scope");
        scopeNode.put("kind", scope.mode().name().toLowerCase(java.util.Locale.ROOT));
        if (since != null) {
            scopeNode.put("since", since.toString());
        }
        if (scope.colleague() != null) {
            scopeNode.put("for", scope.colleague().toString());
        }
        manifest.putPOJO("counts", counts);
        manifest.putPOJO("checksums", checksums);
        return manifest;
    }

    /** A file next to {@code file}, to write to before it takes the place of {@code file}: whole or not at all. */
    private static Path temporaryBeside(Path file) {
        try {
            return AtomicFiles.temporaryBeside(file);
        } catch (IOException e) {
            throw new RejectedInput("exchange.cannot-write", file, e.getMessage());
        }
    }

    private static void moveInPlace(Path part, Path file) {
        try {
            AtomicFiles.sync(part);
            AtomicFiles.replace(part, file);
        } catch (IOException e) {
            deleteQuietly(part);
            throw new RejectedInput("exchange.cannot-write", file, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a stray .part file is harmless; the error being reported matters more
        }
    }

    /** When this laptop last exported for {@code colleague}. */
    public Optional<Instant> lastExportTo(UUID colleague) {
        return database.read(tx -> repository.lastExport(tx, colleague));
    }

    /**
     * The ids to send: all records; my notes, lessons and ideas (with the site's attachments); what changed since
     * a moment; or a sync's change set. The knowledge base (visits, themes, sites, facts) and the people always go
     * along; an idea's status changes go with it; and so does what the chosen records point at (the lesson an
     * idea comes from, the entry an attachment hangs on, the idea a status change moved), so that a package reads
     * on its own.
     */
    private static Set<UUID> choose(Map<RecordKind<?>, List<Record>> all, ExportScope scope, UUID me, Instant since) {
        ExportScope.Mode mode = scope.mode();
        Set<UUID> chosen = new HashSet<>();
        Map<UUID, Record> byId = new HashMap<>();
        all.values().forEach(records -> records.forEach(record -> byId.put(record.id(), record)));
        for (Record record : byId.values()) {
            boolean alwaysGoes = !ImportPlan.isEntry(record.kind()) && record.kind() != RecordKind.STATUS_CHANGE;
            boolean wanted = alwaysGoes || switch (mode) {
                case ALL -> true;
                case MINE -> me.equals(record.uuid("author_id"))
                        || record.kind() == RecordKind.ATTACHMENT && "site".equals(record.text("owner_kind"));
                case SINCE -> since == null || record.instant("updated_at").isAfter(since);
                case CHANGES -> scope.records().contains(record.id());
            };
            if (wanted) {
                chosen.add(record.id());
            }
        }
        if (mode == ExportScope.Mode.MINE) {
            for (Record record : all.get(RecordKind.ATTACHMENT)) {
                if (chosen.contains(record.uuid("owner_id"))) {
                    chosen.add(record.id());
                }
            }
        }
        for (Record record : all.get(RecordKind.STATUS_CHANGE)) {
            if (chosen.contains(record.uuid("idea_id"))) {
                chosen.add(record.id());  // an idea's history goes with it
            }
        }
        for (Record record : List.copyOf(byId.values())) {
            if (chosen.contains(record.id())) {
                addPointedAt(record, byId, chosen);
            }
        }
        return chosen;
    }

    private static void addPointedAt(Record record, Map<UUID, Record> byId, Set<UUID> chosen) {
        for (String field : List.of("lesson_id", "owner_id", "idea_id")) {
            UUID target = record.kind().field(field).isPresent() ? record.uuid(field) : null;
            if (target != null && byId.containsKey(target) && chosen.add(target)) {
                addPointedAt(byId.get(target), byId, chosen);
            }
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes, Map<String, String> checksums)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        checksums.put(name, Sha256.of(bytes));
    }

    // Import.

    /** Reads and checks a whole package; nothing is written. Close it when done. */
    public ExchangePackage read(Path file) {
        return PackageReader.read(file, database);
    }

    /** What importing {@code pkg} would do; nothing is written. */
    public ImportPlan plan(ExchangePackage pkg) {
        String me = identity.stamp().by();
        return database.read(tx -> plan(tx, pkg, me));
    }

    /** @param me the name this laptop writes under, taken before the transaction (it may need a write) */
    ImportPlan plan(Tx tx, ExchangePackage pkg, String me) throws SQLException {
        Map<UUID, Record> local = new HashMap<>();
        for (RecordKind<?> kind : RecordKind.all()) {
            repository.all(tx, kind).forEach(record -> local.put(record.id(), record));
        }
        return ImportPlan.of(pkg, local, repository.versions(tx),
                PackageSignature.check(tx, settings, pkg.manifest().exportedBy(), pkg.manifest().senderKey(), me));
    }

    /**
     * Imports the package as {@code preview} showed it, conflicts settled by {@code choices} (keep both
     * where none was made). A backup is taken first; then it all happens in one transaction, which a cancel
     * or a failure rolls back whole. When the store changed since the preview, nothing is done and the
     * user is asked to look again.
     */
    public Imported apply(ExchangePackage pkg, ImportPlan preview, Map<UUID, Resolution> choices, Progress progress,
                          BooleanSupplier cancelled) {
        return apply(pkg, preview, choices, 0, progress, cancelled);
    }

    /**
     * As {@link #apply(ExchangePackage, ImportPlan, Map, Progress, BooleanSupplier)}, with {@code confirmedDeletions}
     * deletions confirmed one by one by the user ({@link ImportPlan#deletions}). Deletions are local decisions:
     * an entry deleted or purged in the package goes to the trash here, with its content, restorable.
     *
     * @throws RejectedInput {@code exchange.mass-deletion} when the deletions need confirming
     *                       ({@link ImportPlan#deletionsNeedConfirming}) and fewer were confirmed
     */
    public Imported apply(ExchangePackage pkg, ImportPlan preview, Map<UUID, Resolution> choices, int confirmedDeletions,
                          Progress progress, BooleanSupplier cancelled) {
        if (!preview.total().changesAnything()) {
            return new Imported(preview.total(), 0, null);  // nothing new: nothing to write (importing twice)
        }
        int deletions = preview.deletions(choices).size();
        if (preview.deletionsNeedConfirming(choices) && confirmedDeletions < deletions) {
            throw new RejectedInput("exchange.mass-deletion", deletions);
        }
        Backups.Backup backup = Backups.create(database, "before-import");
        Stamp stamp = identity.stamp();  // taken before the write: it may need one
        Merged merged = database.write(tx -> {
            ImportPlan plan = plan(tx, pkg, stamp.by());
            if (!stillAsPreviewed(plan, preview)) {
                throw new RejectedInput("exchange.changed-meanwhile");
            }
            Merged done = merge(tx, pkg, plan, choices, stamp, progress, cancelled, null);
            PackageSignature.rememberIfNew(tx, settings, pkg.manifest().exportedBy(), pkg.manifest().senderKey(), stamp.by());
            return done;
        });
        search.rebuild();
        ImportPlan.Counts total = merged.plan().total();  // deletions as settled: a site taken deleted takes its entries
        return new Imported(new ImportPlan.Counts(total.added(), total.updated(), total.unchanged(), total.conflicts(),
                deletions), merged.copies(), backup);
    }

    /** Where a conflict may wait instead of being settled now (a sync's conflicts list). */
    interface Later {
        /** Keeps {@code step}'s conflict to be settled later; false to settle it now. */
        boolean keep(Tx tx, ImportPlan.Step step) throws SQLException;
    }

    /**
     * What {@link #merge} did: the plan it followed, the copies kept beside conflicting versions, and the steps
     * whose conflict waits ({@link Later}).
     */
    record Merged(ImportPlan plan, int copies, Set<UUID> waiting) {
    }

    /**
     * Merges {@code plan} into the store within {@code tx}: new and newer records are taken, conflicts settled by
     * {@code choices} — or kept by {@code later} where no choice was made, or else both kept — and every version
     * seen is remembered, but for the conflicts kept waiting. Bumps the content revision; the caller rebuilds the
     * search index after the commit.
     *
     * @throws RejectedInput {@code exchange.cancelled} when {@code cancelled} says so (the caller's transaction
     *                       rolls back whole)
     */
    Merged merge(Tx tx, ExchangePackage pkg, ImportPlan plan, Map<UUID, Resolution> choices, Stamp stamp,
                 Progress progress, BooleanSupplier cancelled, Later later) throws SQLException {
        Map<UUID, Set<String>> exchanged = repository.versions(tx);
        Map<UUID, Boolean> siteKept = new HashMap<>();  // the site conflicts settled: whether the site stays
        Set<UUID> waiting = new HashSet<>();
        int copies = 0;
        int done = 0;
        for (ImportPlan.Step step : plan.steps()) {
            if (cancelled.getAsBoolean()) {
                throw new RejectedInput("exchange.cancelled");
            }
            Record theirs = step.theirs();
            switch (step.decision()) {
                case NEW -> insert(tx, pkg, theirs);
                case THEIRS_NEWER -> {
                    if (step.deletes() && theirs.text("purged_at") != null) {
                        purgedThereIsDeletedHere(tx, step.local(), theirs, stamp);
                    } else {
                        update(tx, pkg, theirs);
                    }
                }
                case CONFLICT -> {
                    if (later != null && !choices.containsKey(theirs.id()) && later.keep(tx, step)) {
                        waiting.add(theirs.id());
                        progress.update(++done, plan.steps().size());
                        continue;  // their versions stay unknown here: the conflict is not settled
                    }
                    Resolution choice = choices.getOrDefault(theirs.id(), Resolution.BOTH);
                    boolean deletion = step.local().isDeleted() != theirs.isDeleted();
                    if (choice == Resolution.THEIRS && deletion && theirs.isDeleted()) {
                        takeDeletion(tx, pkg, theirs, stamp);
                    } else if (choice == Resolution.THEIRS) {
                        update(tx, pkg, theirs);
                    } else if (choice == Resolution.BOTH && !deletion) {
                        insert(tx, pkg, copyOf(tx, theirs));
                        copies++;
                    }
                    if (theirs.kind() == RecordKind.SITE) {
                        siteKept.put(theirs.id(), choice == Resolution.THEIRS ? !theirs.isDeleted()
                                : !step.local().isDeleted());
                    }
                }
                default -> { }
            }
            // Every version seen from now on is known here: importing the same package again changes nothing.
            List<String> seen = new ArrayList<>(step.incoming().versions());
            seen.add(theirs.hash());
            if (step.decision() == ImportPlan.Decision.CONFLICT) {
                seen.add(ImportPlan.settlementMark());
                seen.add(step.local().hash());  // what stays here (mine, theirs) goes out knowing both
            }
            repository.addVersions(tx, theirs.id(), new HashSet<>(seen), exchanged.getOrDefault(theirs.id(), Set.of()));
            progress.update(++done, plan.steps().size());
        }
        entriesFollowTheirSites(tx, siteKept, stamp);
        ContentRevision.bump(tx);
        return new Merged(plan, copies, waiting);
    }

    /**
     * Takes their deletion of a record edited here. An entry goes to the trash as it is here, edits included,
     * with the import's stamp (so a site deleted by the same import brings it back with it); a site is moved
     * there by {@link #entriesFollowTheirSites}; other records take their tombstone.
     */
    private void takeDeletion(Tx tx, ExchangePackage pkg, Record theirs,
                              Stamp stamp) throws SQLException {
        Optional<EntryKind> entry = theirs.kind().entryKind();
        if (entry.isPresent()) {
            trash.delete(tx, entry.get(), theirs.id(), stamp);
        } else if (theirs.kind() != RecordKind.SITE) {
            update(tx, pkg, theirs);
        }
    }

    /**
     * Their purge of a record that is live here, taken as a deletion: an entry goes to the trash as it is here;
     * a site takes their deletion with its content kept. Nothing is purged by a package.
     */
    private void purgedThereIsDeletedHere(Tx tx, Record mine, Record theirs, Stamp stamp) throws SQLException {
        Optional<EntryKind> entry = theirs.kind().entryKind();
        if (entry.isPresent()) {
            trash.delete(tx, entry.get(), theirs.id(), stamp);
        } else {
            ObjectNode fields = mine.fields().deepCopy();
            fields.put("deleted_at", theirs.text("deleted_at") != null ? theirs.text("deleted_at") : theirs.text("purged_at"));
            fields.put("updated_at", theirs.text("updated_at"));
            fields.put("updated_by", theirs.text("updated_by"));
            repository.update(tx, new Record(mine.kind(), mine.id(), fields), null, null);
        }
    }

    /**
     * A copy of a record kept beside a conflicting version: a new id, and a new value for a slug or a code,
     * which name one record only ({@code enabel} becomes {@code enabel-2}).
     */
    private Record copyOf(Tx tx, Record theirs) throws SQLException {
        for (Field<?> field : theirs.kind().fields()) {
            if (field.unique()) {
                Set<String> taken = repository.uniqueValues(tx, theirs.kind(), field.name()).keySet();
                String base = theirs.text(field.name());
                String free = base;
                for (int n = 2; taken.contains(free); n++) {
                    free = base + "-" + n;
                }
                return theirs.with(UUID.randomUUID(), field.name(), free);
            }
        }
        return theirs.with(UUID.randomUUID(), null, null);
    }

    /**
     * After a site conflict was settled, its entries follow it: a site kept brings back entries deleted with
     * it; a site deleted takes its live entries to the trash with it, restorable together. A site that is
     * still deleted while an entry of it came in live is brought back: a colleague's entry is never hidden.
     */
    private void entriesFollowTheirSites(Tx tx, Map<UUID, Boolean> siteKept,
                                         Stamp stamp) throws SQLException {
        for (Map.Entry<UUID, Boolean> site : siteKept.entrySet()) {
            if (site.getValue()) {
                trash.restoreSite(tx, site.getKey(), stamp);
            } else {
                trash.deleteSite(tx, site.getKey(), stamp);
            }
        }
        for (UUID hidden : trash.deletedSitesWithLiveEntries(tx)) {
            trash.restoreSite(tx, hidden, stamp);
        }
    }

    private static String localHash(ImportPlan.Step step) {
        return step.local() == null ? null : step.local().hash();
    }

    private static boolean stillAsPreviewed(ImportPlan plan, ImportPlan preview) {
        if (plan.steps().size() != preview.steps().size()) {
            return false;
        }
        for (int i = 0; i < plan.steps().size(); i++) {
            ImportPlan.Step now = plan.steps().get(i);
            ImportPlan.Step shown = preview.steps().get(i);
            // The same decision on the same local version: a choice of "theirs" made against what the
            // preview showed must not overwrite an edit made since.
            if (now.decision() != shown.decision() || !java.util.Objects.equals(localHash(now), localHash(shown))) {
                return false;
            }
        }
        return true;
    }

    private void insert(Tx tx, ExchangePackage pkg, Record record) throws SQLException {
        byte[] content = content(pkg, record);
        repository.insert(tx, record, content, thumbnail(record, content));
    }

    private void update(Tx tx, ExchangePackage pkg, Record record) throws SQLException {
        byte[] content = content(pkg, record);
        repository.update(tx, record, content, thumbnail(record, content));
    }

    /** An attachment's bytes from the package (copies keep the original's), or null. */
    static byte[] content(ExchangePackage pkg, Record record) {
        if (record.kind() != RecordKind.ATTACHMENT || record.text("purged_at") != null) {
            return null;
        }
        byte[] bytes = pkg.attachment(record.id());
        if (bytes == null) {
            // A copy kept beside a conflicting version: the same file as the one it copies.
            for (ExchangePackage.Incoming incoming : pkg.records().get(RecordKind.ATTACHMENT)) {
                if (incoming.record().fields().equals(record.fields())) {
                    return pkg.attachment(incoming.record().id());
                }
            }
        }
        return bytes;
    }

    private static byte[] thumbnail(Record record, byte[] content) {
        return content != null && String.valueOf(record.text("media_type")).startsWith("image/")
                ? AttachmentService.thumbnail(content) : null;
    }

    private static String version() {
        String version = ExchangeService.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
