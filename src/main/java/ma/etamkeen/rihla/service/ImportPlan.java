package ma.etamkeen.rihla.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ma.etamkeen.rihla.store.ExchangeRepository.Kind;
import ma.etamkeen.rihla.store.ExchangeRepository.Record;

/**
 * What importing a package would do, decided record by record before anything changes: new records are
 * added; a record changed on one side only takes that side; one changed on both sides since they last
 * agreed is a conflict for the user to settle (a deletion too, when the record was changed here since).
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
    }

    /** A conflict: both versions, side by side. Keeping both is not offered for a deletion. */
    public record Conflict(Kind kind, UUID id, UUID siteId, Record mine, Record theirs) {
        public boolean isDeletion() {
            return mine.isDeleted() != theirs.isDeleted();
        }

        /** The message key of the kind's name, e.g. {@code kind.note}. */
        public String kindKey() {
            return "kind." + kind.code();
        }

        public Version mineVersion() {
            return Version.of(mine);
        }

        public Version theirsVersion() {
            return Version.of(theirs);
        }
    }

    /** One side of a conflict as a person reads it: what it says, whether it is deleted, who changed it when. */
    public record Version(String text, boolean deleted, String changedBy, Instant changedAt) {
        private static final List<String> TEXTS = List.of("title", "name", "name_ar", "name_fr", "acronym",
                "file_name", "observed", "why_it_works", "description", "prerequisites", "body", "caption");

        static Version of(Record record) {
            StringBuilder text = new StringBuilder();
            for (String field : TEXTS) {
                String value = record.text(field);
                if (value != null && !value.isBlank()) {
                    text.append(value.strip()).append("\n\n");
                }
            }
            return new Version(text.toString().strip(), record.isDeleted(), record.text("updated_by"),
                    record.instant("updated_at"));
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

    ImportPlan(ExchangePackage.Manifest manifest, List<Step> steps) {
        this.manifest = manifest;
        this.steps = List.copyOf(steps);
    }

    /** Decides each record of the package against the local one and the versions exchanged so far. */
    static ImportPlan of(ExchangePackage pkg, Map<UUID, Record> local, Map<UUID, Set<String>> exchanged) {
        List<Step> steps = new ArrayList<>();
        for (List<ExchangePackage.Incoming> records : pkg.records().values()) {
            for (ExchangePackage.Incoming incoming : records) {
                Record mine = local.get(incoming.record().id());
                steps.add(new Step(incoming, mine, decide(incoming, mine, exchanged.getOrDefault(incoming.record().id(), Set.of()))));
            }
        }
        return new ImportPlan(pkg.manifest(), steps);
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
        if (seenHere.contains(theirs)) {
            return Decision.OURS_NEWER;  // a version we already had: ours came after it
        }
        if (incoming.versions().contains(ours)) {
            return Decision.THEIRS_NEWER;  // they had ours, and changed it
        }
        return Decision.CONFLICT;
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

    /** What would happen to each kind of record. */
    public Map<Kind, Counts> byKind() {
        Map<Kind, Counts> counts = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            counts.put(kind, Counts.NONE);
        }
        steps.forEach(step -> counts.merge(step.theirs().kind(), Counts.NONE.plus(step), (a, b) -> a.plus(step)));
        return counts;
    }

    /** The same, keyed by the message key of each kind's name ({@code kind.note}), in the order they travel. */
    public Map<String, Counts> byKindKey() {
        Map<String, Counts> counts = new LinkedHashMap<>();
        byKind().forEach((kind, value) -> counts.put("kind." + kind.code(), value));
        return counts;
    }

    /** What would happen on each site (people, who belong to no site, under null). */
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

    private static UUID siteOf(Record record) {
        return record.kind().columns().containsKey("site_id") ? record.uuid("site_id") : null;
    }
}
