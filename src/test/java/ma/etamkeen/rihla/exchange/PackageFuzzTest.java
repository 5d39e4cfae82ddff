package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRepository;
import ma.etamkeen.rihla.store.TableDump;
import ma.etamkeen.rihla.testing.DemoData;

/**
 * Random damage to a real package, a few hundred times: whatever comes in is either imported whole or
 * refused with a message, the store then unchanged. Never half an import, never an unexplained error.
 */
class PackageFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 200;

    @TempDir
    Path folder;

    @Test
    void everyPackageIsImportedWholeOrTheStoreIsUnchanged() throws Exception {
        DemoData.fill(folder.resolve("sender"));
        Path good;
        try (Workspace sender = Workspace.open(folder.resolve("sender"))) {
            good = sender.exchange().export(folder.resolve("good.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
        Path pristine = folder.resolve("pristine");
        DemoData.fill(pristine);
        Path working = folder.resolve("working");
        copy(pristine, working);
        Workspace store = Workspace.open(working);
        Random random = new Random(20221005);
        int imported = 0;
        int refused = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                Path damaged = damage(good, random, folder.resolve("round-" + round + ".rihla"));
                var before = TableDump.of(store.database());
                try (ExchangePackage pkg = store.exchange().read(damaged)) {
                    ImportPlan plan = store.exchange().plan(pkg);
                    store.exchange().apply(pkg, plan, Map.of(), ExchangeService.Progress.NONE, () -> false);
                    assertImportedWhole(store, plan);
                    imported++;
                    store.close();  // the next round starts from the store as it was
                    copy(pristine, working);
                    store = Workspace.open(working);
                } catch (RejectedInput expected) {
                    assertThat(TableDump.of(store.database())).as("round %d: %s", round, expected.messageKey())
                            .isEqualTo(before);
                    refused++;
                }
            }
        } finally {
            store.close();
        }
        assertThat(imported).as("some damage leaves a valid package").isPositive();
        assertThat(refused).as("most damage is caught").isGreaterThan(ROUNDS / 3);
    }

    /** Every record the preview said would come in is here now, as it came. */
    private static void assertImportedWhole(Workspace store, ImportPlan plan) {
        Map<java.util.UUID, String> stored = store.database().read(tx -> {
            Map<java.util.UUID, String> hashes = new java.util.HashMap<>();
            ExchangeRepository repository = new ExchangeRepository();
            for (ma.etamkeen.rihla.model.RecordKind<?> kind : ma.etamkeen.rihla.model.RecordKind.all()) {
                repository.all(tx, kind).forEach(record -> hashes.put(record.id(), record.hash()));
            }
            return hashes;
        });
        for (ImportPlan.Step step : plan.steps()) {
            if (step.decision() == ImportPlan.Decision.NEW || step.decision() == ImportPlan.Decision.THEIRS_NEWER) {
                assertThat(stored.get(step.theirs().id())).isEqualTo(step.theirs().hash());
            }
        }
    }

    private static Path damage(Path good, Random random, Path out) throws IOException {
        switch (random.nextInt(6)) {
            case 0 -> {  // bytes flipped anywhere in the file
                byte[] bytes = Files.readAllBytes(good);
                for (int i = 0, n = 1 + random.nextInt(8); i < n; i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                return Files.write(out, bytes);
            }
            case 1 -> {  // cut short
                byte[] bytes = Files.readAllBytes(good);
                return Files.write(out, java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)));
            }
            case 2 -> {  // a file left out
                Repack repack = Repack.of(good);
                List<String> names = new ArrayList<>(repack.files.keySet());
                repack.files.remove(names.get(random.nextInt(names.size())));
                boolean reseal = random.nextBoolean() && repack.files.containsKey("manifest.json");
                return (reseal ? repack.resealed() : repack).write(out);
            }
            default -> {  // a record changed, then the package resealed as a careful forger would
                Repack repack = Repack.of(good);
                List<String> names = repack.files.keySet().stream().filter(n -> n.startsWith("records/")).toList();
                String name = names.get(random.nextInt(names.size()));
                ArrayNode records = (ArrayNode) JSON.readTree(repack.files.get(name));
                if (!records.isEmpty()) {
                    mutate(records, random);
                }
                repack.files.put(name, JSON.writeValueAsBytes(records));
                return repack.resealed().write(out);
            }
        }
    }

    private static void mutate(ArrayNode records, Random random) {
        ObjectNode record = (ObjectNode) records.get(random.nextInt(records.size()));
        List<String> fields = new ArrayList<>();
        record.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(random.nextInt(fields.size()));
        JsonNode[] values = {JSON.getNodeFactory().nullNode(), JSON.getNodeFactory().numberNode(random.nextInt()),
            JSON.getNodeFactory().textNode("texte modifié " + random.nextInt(1000)),
            JSON.getNodeFactory().textNode(java.util.UUID.randomUUID().toString()),
            JSON.getNodeFactory().textNode("2022-09-" + (10 + random.nextInt(20)) + "T10:00:00Z"),
            JSON.getNodeFactory().arrayNode(), JSON.getNodeFactory().booleanNode(true)};
        switch (random.nextInt(4)) {
            case 0 -> record.remove(field);
            case 1 -> records.add(record.deepCopy());
            default -> record.set(field, values[random.nextInt(values.length)]);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            try (Stream<Path> files = Files.walk(to)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().endsWith(".lock.db")) {
                    Files.copy(file, target);
                }
            }
        }
    }
}
