package ma.etamkeen.rihla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;
import ma.etamkeen.rihla.store.Sha256;
import ma.etamkeen.rihla.text.Graphemes;

/**
 * What importing a package would do, decided record by record before anything changes: new records are
 * added; a record changed on one side only takes that side; one changed on both sides since they last
 * agreed is a conflict for the user to settle (a deletion too, when the record was changed here since).
 * A site is never left deleted while entries of it stay live: a site deleted on one laptop whose entries the
 * other one changed is a conflict too; whichever the user keeps, its entries go with it.
 */
public final class ImportPlan {

    /** What happens to one incoming record. */
    public enum Decision {
        /** Not here yet: added. */
        NEW,
        /** The same here already. */
        UNCHANGED,
        /** Changed here since the sender's version: ours stays. */
        OURS_NEWER,
        /** Changed by the sender since ours: theirs is taken (a deletion, when theirs is deleted). */
        THEIRS_NEWER,
        /** Changed on both sides: the user chooses. */
        CONFLICT
    }

    /** How the user settles a conflict. */
    public enum Resolution { MINE, THEIRS, BOTH }

    public record Step(ExchangePackage.Incoming incoming, Record local, Decision decision) {
        public Record theirs() {
            return incoming.record();
        }

        /** Theirs deletes a record that is live here. */
        public boolean deletes() {
            return theirs().isDeleted() && local != null && !local.isDeleted();
        }

        /** Whether the record is live once imported, conflicts settled the default way (keep both: mine stays). */
        boolean liveAfter() {
            return switch (decision) {
                case NEW, THEIRS_NEWER -> !theirs().isDeleted();
                case UNCHANGED, OURS_NEWER -> !local.isDeleted();
                case CONFLICT -> !local.isDeleted();  // keep both keeps mine (and theirs, as a copy)
            };
        }
    }

    /** A conflict: both versions, side by side. Keeping both is not offered for a deletion. */
    public record Conflict(RecordKind<?> kind, UUID id, UUID siteId, Record mine, Record theirs) {
        public boolean isDeletion() {
            return mine.isDeleted() != theirs.isDeleted();
        }

        /** The message key of the kind's name, e.g. {@code kind.note}. */
        public String kindKey() {
            return kind.messageKey();
        }

        public Version mineVersion() {
            return Version.of(mine, theirs);
        }

        public Version theirsVersion() {
            return Version.of(theirs, mine);
        }

        /**
         * The names of the fields that differ between the two versions; who made or changed them and when are left
         * out (each laptop seeds the built-in sites at its own time).
         */
        public List<String> differingFields() {
            List<String> names = new ArrayList<>();
            for (Field<?> field : kind.travelling()) {
                String name = field.name();
                if (!Set.of("created_at", "created_by", "updated_at", "updated_by").contains(name)
                        && !Objects.equals(mine.fields().get(name), theirs.fields().get(name))) {
                    names.add(name);
                }
            }
            return names;
        }
    }

    /**
     * One field of a version: its name ({@code title_fr}; {@link Failures#fieldLabel} says it in the user's
     * language), its type, its value as stored (a list's items joined by ", ": theme codes, administrations'
     * ids), and whether the other side differs.
     */
    public record Line(String field, Field.Type type, String value, boolean differs) {
    }

    /**
     * One side of a conflict as a person reads it, field by field (the fields the kind shows, see
     * {@link Field#shown()}), whether it is deleted, who changed it when.
     */
    public record Version(List<Line> lines, boolean deleted, String changedBy, Instant changedAt) {
        /**
         * What names this version for a person reading {@code language}: its first field in that language (a
         * site's name), else its first field with a value (a lesson's title, a note's first line); "" for none.
         */
        public String title(Language language) {
            String suffix = "_" + language.code();
            return lines.stream().filter(line -> !line.value().isBlank())
                    .sorted(Comparator.comparing((Line line) -> !line.field().endsWith(suffix)))
                    .map(line -> Graphemes.firstLine(line.value(), 80)).findFirst().orElse("");
        }

        static Version of(Record record, Record other) {
            List<Line> lines = new ArrayList<>();
            for (Field<?> field : record.kind().fields()) {
                if (!field.shown()) {
                    continue;
                }
                String value = display(record.fields().get(field.name()));
                String otherValue = display(other.fields().get(field.name()));
                if (value != null || otherValue != null) {
                    lines.add(new Line(field.name(), field.type(), value == null ? "" : value,
                            !Objects.equals(value, otherValue)));
                }
            }
            return new Version(lines, record.isDeleted(), record.text("updated_by"), record.instant("updated_at"));
        }

        /** The whole text, field after field (a title, a note's body ...). */
        public String text() {
            StringBuilder text = new StringBuilder();
            lines.stream().filter(line -> !line.value().isBlank())
                    .forEach(line -> text.append(line.value().strip()).append("\n\n"));
            return text.toString().strip();
        }

        private static String display(JsonNode value) {
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.asText()));
                return items.isEmpty() ? null : String.join(", ", items);
            }
            String text = value.asText();
            return text.isBlank() ? null : text.strip();
        }
    }

    /**
     * One record this import would change, as the preview lists it entry by entry: what it is here
     * ({@code before}, null when it is new) beside what it becomes ({@code after}: for a deletion, the version
     * that deletes it).
     *
     * @param author who last wrote it here (null when it is new)
     * @param flag   whether the change is to an entry the sender may not have the right to change
     */
    public record Change(RecordKind<?> kind, String headline, What what, Version before, Version after,
                         String author, Flag flag) {
        /** What the import does to the record. */
        public enum What { ADDED, UPDATED, DELETED }

        /** Why a change is flagged in the preview, if it is. */
        public enum Flag {
            NONE,
            /** Last written here by someone else than the package's sender. */
            OTHERS_ENTRY,
            /**
             * Last written here under the sender's name, but nothing shows the package is theirs: its key is
             * not the one this laptop remembers for that name (first package under it, unsigned, another key).
             */
            UNVERIFIED
        }

        /** The message key of the flag's explanation, given {@code author} and the sender ({@code {0}, {1}}). */
        public String flagKey() {
            return flag == Flag.UNVERIFIED ? "exchange.change.unverified" : "exchange.change.others-entry";
        }

        /** The message key of the kind's name, e.g. {@code kind.note}. */
        public String kindKey() {
            return kind.messageKey();
        }

        /** The message key of what happens to it: {@code exchange.change.added}, {@code .updated}, {@code .deleted}. */
        public String whatKey() {
            return "exchange.change." + what.name().toLowerCase(java.util.Locale.ROOT);
        }

        public boolean flagged() {
            return flag != Flag.NONE;
        }
    }

    /** Counts of what would happen, for one kind or one site. */
    public record Counts(int added, int updated, int unchanged, int conflicts, int deletions) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0);

        Counts plus(Step step) {
            return switch (step.decision()) {
                case NEW -> new Counts(added + 1, updated, unchanged, conflicts, deletions);
                case UNCHANGED, OURS_NEWER -> new Counts(added, updated, unchanged + 1, conflicts, deletions);
                case CONFLICT -> new Counts(added, updated, unchanged, conflicts + 1, deletions);
                case THEIRS_NEWER -> step.deletes() ? new Counts(added, updated, unchanged, conflicts, deletions + 1)
                        : new Counts(added, updated + 1, unchanged, conflicts, deletions);
            };
        }

        public boolean changesAnything() {
            return added + updated + conflicts + deletions > 0;
        }
    }

    private final ExchangePackage.Manifest manifest;
    private final List<Step> steps;
    /** How many live records each author (their last {@code updated_by}) has here. */
    private final Map<String, Integer> recordsByAuthor;
    /** The live entries here of each site: they go to the trash with it. */
    private final Map<UUID, List<Record>> liveEntriesBySite;
    private final PackageSignature.Sender sender;

    private ImportPlan(ExchangePackage.Manifest manifest, List<Step> steps, Map<UUID, Record> local,
                       PackageSignature.Sender sender) {
        this.sender = sender;
        this.manifest = manifest;
        this.steps = List.copyOf(steps);
        Map<String, Integer> byAuthor = new HashMap<>();
        Map<UUID, List<Record>> bySite = new HashMap<>();
        local.values().stream().filter(record -> !record.isDeleted()).forEach(record -> {
            byAuthor.merge(String.valueOf(record.text("updated_by")), 1, Integer::sum);
            if (isEntry(record.kind())) {
                bySite.computeIfAbsent(record.uuid("site_id"), site -> new ArrayList<>()).add(record);
            }
        });
        this.recordsByAuthor = byAuthor;
        this.liveEntriesBySite = bySite;
    }

    /**
     * A loud warning about who sent the package, in {@code messages}' language, or empty: when it is unsigned,
     * or signed with another key than the one this laptop remembers for that sender's name.
     */
    public Optional<String> senderWarning(Messages messages) {
        return switch (sender) {
            case UNSIGNED -> Optional.of(messages.format("exchange.sender.unsigned", manifest.exportedBy()));
            case OTHER_KEY -> Optional.of(messages.format("exchange.sender.other-key", manifest.exportedBy()));
            case RESERVED -> Optional.of(messages.format("exchange.sender.reserved", manifest.exportedBy()));
            case KNOWN, NEW -> Optional.empty();
        };
    }

    /**
     * Each record this import would add, update or delete (conflicts apart: they are settled side by side), in
     * the package's order. An update or deletion is flagged when the record was last written here by someone
     * else than the package's sender ({@code updated_by} against the manifest's {@code exportedBy}, as
     * {@link PackageSignature#sameName} compares names): the sender relays or rewrites what they did not write;
     * or under the sender's name while the package's signature does not show it is theirs.
     */
    public List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (Step step : steps) {
            if (step.decision() != Decision.NEW && step.decision() != Decision.THEIRS_NEWER) {
                continue;
            }
            Record theirs = step.theirs();
            Record mine = step.local();
            if (mine == null) {
                changes.add(new Change(theirs.kind(), theirs.headline(), Change.What.ADDED, null,
                        Version.of(theirs, theirs), null, Change.Flag.NONE));
                continue;
            }
            String author = mine.text("updated_by");
            Change.Flag flag = author == null ? Change.Flag.NONE
                    : !PackageSignature.sameName(author, manifest.exportedBy()) ? Change.Flag.OTHERS_ENTRY
                    : sender != PackageSignature.Sender.KNOWN ? Change.Flag.UNVERIFIED : Change.Flag.NONE;
            changes.add(new Change(theirs.kind(), mine.headline(), step.deletes() ? Change.What.DELETED : Change.What.UPDATED,
                    Version.of(mine, theirs), Version.of(theirs, mine), author, flag));
        }
        return changes;
    }

    /**
     * The records live here that this import would delete (entries to the trash), conflicts settled by
     * {@code choices} (keep both where none was made): those the package deletes or purges, those of its
     * conflicts settled as theirs where theirs is deleted, and the entries live here of every site so deleted,
     * which go to the trash with it. In the package's order, each site's entries after it.
     */
    public List<Record> deletions(Map<UUID, Resolution> choices) {
        List<Record> deleted = new ArrayList<>();
        Set<UUID> counted = new java.util.HashSet<>();
        for (Step step : steps) {
            boolean taken = switch (step.decision()) {
                case THEIRS_NEWER -> step.deletes();
                case CONFLICT -> step.deletes() && choices.getOrDefault(step.theirs().id(), Resolution.BOTH) == Resolution.THEIRS;
                default -> false;
            };
            if (taken && counted.add(step.local().id())) {
                deleted.add(step.local());
            }
        }
        for (Record site : List.copyOf(deleted)) {
            if (site.kind() == RecordKind.SITE) {
                liveEntriesBySite.getOrDefault(site.id(), List.of()).stream()
                        .filter(entry -> counted.add(entry.id())).forEach(deleted::add);
            }
        }
        return deleted;
    }

    /**
     * Each deletion ({@link #deletions}) as a person reads it: "Note: "…" (last changed by …)", in
     * {@code messages}' language.
     */
    public List<String> deletionLines(Map<UUID, Resolution> choices, Messages messages) {
        return deletions(choices).stream().map(record -> messages.format("exchange.deletion.line",
                messages.get(record.kind().messageKey()), record.headline(),
                String.valueOf(record.text("updated_by")))).toList();
    }

    /**
     * Whether the deletions ({@link #deletions}) must be confirmed one by one before the import: more than
     * {@link Limits#DELETIONS_WITHOUT_ASKING} in all, or more than a tenth of one author's records here when
     * that is more than {@link Limits#FEW_DELETIONS} (the built-in sites count as their author's, "rihla-seed").
     * A package that sends everything back deleted is a mistake or an attack more often than a decision.
     */
    public boolean deletionsNeedConfirming(Map<UUID, Resolution> choices) {
        List<Record> deletions = deletions(choices);
        if (deletions.size() > Limits.DELETIONS_WITHOUT_ASKING) {
            return true;
        }
        Map<String, Integer> byAuthor = new HashMap<>();
        deletions.forEach(record -> byAuthor.merge(String.valueOf(record.text("updated_by")), 1, Integer::sum));
        return byAuthor.entrySet().stream().anyMatch(author -> author.getValue() > Limits.FEW_DELETIONS
                && author.getValue() * 10 > recordsByAuthor.getOrDefault(author.getKey(), 0));
    }

    /** Decides each record of the package against the local one and the versions exchanged so far. */
    static ImportPlan of(ExchangePackage pkg, Map<UUID, Record> local, Map<UUID, Set<String>> exchanged,
                         PackageSignature.Sender sender) {
        List<Step> steps = new ArrayList<>();
        for (List<ExchangePackage.Incoming> records : pkg.records().values()) {
            for (ExchangePackage.Incoming incoming : records) {
                Record mine = local.get(incoming.record().id());
                steps.add(new Step(incoming, mine, decide(incoming, mine, exchanged.getOrDefault(incoming.record().id(), Set.of()))));
            }
        }
        return new ImportPlan(pkg.manifest(), sitesKeptWithTheirEntries(steps, local), local, sender);
    }

    private static Decision decide(ExchangePackage.Incoming incoming, Record mine, Set<String> seenHere) {
        if (mine == null) {
            return Decision.NEW;
        }
        String theirs = incoming.record().hash();
        String ours = mine.hash();
        if (theirs.equals(ours)) {
            return Decision.UNCHANGED;
        }
        boolean weHadTheirs = seenHere.contains(theirs);
        boolean theyHadOurs = incoming.versions().contains(ours);
        if (weHadTheirs && theyHadOurs) {
            return byWhatEachKnew(theirs, incoming.versions(), ours, seenHere);
        }
        if (weHadTheirs) {
            return Decision.OURS_NEWER;  // a version we already had: ours came after it
        }
        if (theyHadOurs) {
            return Decision.THEIRS_NEWER;  // they had ours, and changed it
        }
        return Decision.CONFLICT;
    }

    /**
     * Each side had the other's version and kept its own (one conflict settled on two laptops, or settled on one
     * and met again): the side that knew more versions of the record — a settlement leaves a mark of its own among
     * them ({@link #settlementMark}) — came later and stays; when neither knew more, every laptop makes the same
     * choice, by content hash, so that they agree.
     */
    private static Decision byWhatEachKnew(String theirs, List<String> theirVersions, String ours, Set<String> seenHere) {
        Set<String> theyKnew = new java.util.HashSet<>(theirVersions);
        theyKnew.add(theirs);
        Set<String> weKnew = new java.util.HashSet<>(seenHere);
        weKnew.add(ours);
        boolean theyKnewAll = theyKnew.containsAll(weKnew);
        boolean weKnewAll = weKnew.containsAll(theyKnew);
        if (theyKnewAll && !weKnewAll) {
            return Decision.THEIRS_NEWER;
        }
        if (weKnewAll && !theyKnewAll) {
            return Decision.OURS_NEWER;
        }
        return theirs.compareTo(ours) > 0 ? Decision.THEIRS_NEWER : Decision.OURS_NEWER;
    }

    /**
     * A new version mark (64 hex digits, like a content hash, which no content has) remembered with a record's
     * versions when a conflict on it is settled: whoever later receives the settled record knows it was decided
     * after both versions, even when it says what one of them said.
     */
    static String settlementMark() {
        return Sha256.of(UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A site that would end up deleted while entries of it end up live (deleted on one laptop, its notes changed
     * on the other) becomes a conflict: the user decides whether the site stays, and its entries follow it.
     */
    private static List<Step> sitesKeptWithTheirEntries(List<Step> steps, Map<UUID, Record> local) {
        Map<UUID, Boolean> entriesLive = new HashMap<>();
        Map<UUID, Step> byId = new HashMap<>();
        steps.forEach(step -> byId.put(step.theirs().id(), step));
        for (Record record : local.values()) {
            if (isEntry(record.kind()) && !byId.containsKey(record.id()) && !record.isDeleted()) {
                entriesLive.put(record.uuid("site_id"), true);
            }
        }
        for (Step step : steps) {
            if (isEntry(step.theirs().kind()) && step.liveAfter()) {
                entriesLive.put(step.theirs().uuid("site_id"), true);
            }
        }
        List<Step> settled = new ArrayList<>(steps.size());
        for (Step step : steps) {
            boolean site = step.theirs().kind() == RecordKind.SITE;
            if (site && step.local() != null && step.decision() != Decision.CONFLICT && !step.liveAfter()
                    && entriesLive.getOrDefault(step.theirs().id(), false)) {
                settled.add(new Step(step.incoming(), step.local(), Decision.CONFLICT));
            } else {
                settled.add(step);
            }
        }
        return settled;
    }

    static boolean isEntry(RecordKind<?> kind) {
        return kind == RecordKind.NOTE || kind == RecordKind.LESSON || kind == RecordKind.IDEA
                || kind == RecordKind.ATTACHMENT;
    }

    public ExchangePackage.Manifest manifest() {
        return manifest;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Conflict> conflicts() {
        List<Conflict> conflicts = new ArrayList<>();
        for (Step step : steps) {
            if (step.decision() == Decision.CONFLICT) {
                conflicts.add(new Conflict(step.theirs().kind(), step.theirs().id(), siteOf(step.theirs()), step.local(),
                        step.theirs()));
            }
        }
        return conflicts;
    }

    /** What would happen to each kind of record, in the order they travel. */
    public Map<RecordKind<?>, Counts> byKind() {
        Map<RecordKind<?>, Counts> counts = new LinkedHashMap<>();
        for (RecordKind<?> kind : RecordKind.all()) {
            counts.put(kind, Counts.NONE);
        }
        steps.forEach(step -> counts.merge(step.theirs().kind(), Counts.NONE.plus(step), (a, b) -> a.plus(step)));
        return counts;
    }

    /** The same, keyed by the message key of each kind's name ({@code kind.note}), in the order they travel. */
    public Map<String, Counts> byKindKey() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        byKind().forEach((kind, value) -> counts.put(kind.messageKey(), value));
        return counts;
    }

    /** What would happen on each site (visits, themes and people, who belong to no site, under null). */
    /**
     * What to call site {@code siteId} in the preview: its name in {@code language} as this store has it
     * ({@code here}), else as the package brings it (a new site), else its id.
     */
    public String siteName(UUID siteId, Map<UUID, Site> here, Language language) {
        Site site = here.get(siteId);
        if (site != null) {
            return site.name().in(language);
        }
        for (Step step : steps) {
            Record theirs = step.theirs();
            if (theirs.kind() == RecordKind.SITE && theirs.id().equals(siteId)) {
                String name = theirs.text("name_" + language.code());
                return name == null || name.isBlank() ? theirs.headline() : name;
            }
        }
        return siteId.toString();
    }

    public Map<UUID, Counts> bySite() {
        Map<UUID, Counts> counts = new LinkedHashMap<>();
        steps.forEach(step -> counts.merge(siteOf(step.theirs()), Counts.NONE.plus(step), (a, b) -> a.plus(step)));
        return Collections.unmodifiableMap(counts);
    }

    /** All of it together. */
    public Counts total() {
        Counts total = Counts.NONE;
        for (Step step : steps) {
            total = total.plus(step);
        }
        return total;
    }

    /** The site a record belongs to: its own id for a site, its {@code site_id} for a fact or an entry. */
    static UUID siteOf(Record record) {
        if (record.kind() == RecordKind.SITE) {
            return record.id();
        }
        return record.kind().field("site_id").isPresent() ? record.uuid("site_id") : null;
    }
}
