package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Limits;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRecords;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.Laptops;
import ma.etamkeen.rihla.testing.Stores;

/**
 * Packages a mistaken or malicious sender could send, imported into a store with data: a manifest without a
 * proper date, a package that deletes and purges what it sends back.
 */
class HostilePackageTest {
    @TempDir
    Path folder;
    private Path good;

    @BeforeEach
    void aGoodPackage() throws Exception {
        DemoData.fill(folder.resolve("sender"));
        try (Workspace sender = Workspace.open(folder.resolve("sender"))) {
            good = sender.exchange().export(folder.resolve("good.rihla"), ExportScope.all(), ExchangeService.Progress.NONE)
                    .file();
        }
    }

    @ParameterizedTest(name = "exportedAt {0}")
    @ValueSource(strings = {"missing", "yesterday", "", "2022-13-45T99:00:00Z", "+1000000000-12-31T23:59:59Z",
        "-1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z"})
    void aManifestWithoutAProperDateIsPreviewedAsUndatedAndImports(String exportedAt) throws Exception {
        Repack repack = Repack.of(good);
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = (ObjectNode) json.readTree(repack.files.get("manifest.json"));
        if (exportedAt.equals("missing")) {
            manifest.remove("exportedAt");
        } else {
            manifest.put("exportedAt", exportedAt);
        }
        repack.files.put("manifest.json", json.writeValueAsBytes(manifest));
        repack.files.remove("signature.json");  // written by hand, not by a Rihla: unsigned
        Path undated = repack.write(folder.resolve("undated.rihla"));
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);

        CliRun preview = CliRun.on(data, "import", undated.toString(), "--dry-run");
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.err()).doesNotContain("Exception");
        assertThat(preview.out()).contains("exported by Amina El Idrissi on a date it does not give");
        assertThat(records(data)).as("a dry run changes nothing").isEqualTo(before);

        CliRun imported = CliRun.on(data, "import", undated.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(records(data)).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0} notes deleted and purged there")
    @ValueSource(ints = {30, 3})
    void deletionsAndPurgesFromAPackageGoToTheTrashHereAndManyMustBeConfirmed(int deleted) throws Exception {
        Path amina = folder.resolve("amina");
        Path theirs = Laptops.deletingPackage(amina, folder.resolve("youssef"), folder, deleted);
        Map<UUID, String> before = records(amina);
        if (deleted > Limits.DELETIONS_WITHOUT_ASKING) {
            CliRun refused = CliRun.on(amina, "import", theirs.toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains("would delete 30 entries", "--allow-deletions 30", "Nothing was imported");
            assertThat(refused.out()).contains("Note: \"gardee 1 : la charge");
            assertThat(records(amina)).as("nothing changed").isEqualTo(before);
            assertThat(CliRun.on(amina, "import", theirs.toString(), "--allow-deletions", "29").code()).isEqualTo(2);
        }
        CliRun imported = CliRun.on(amina, "import", theirs.toString(), "--allow-deletions", String.valueOf(deleted));
        assertThat(imported.code()).as(imported.err()).isZero();
        try (Workspace workspace = Workspace.open(amina)) {
            assertThat(workspace.notes().forSite(Stores.SITE)).isEmpty();
            List<TrashItem> trash = workspace.trash().list(java.util.Optional.empty());
            assertThat(trash).as("deleted here, not purged").hasSize(deleted);
            assertThat(workspace.trash().restore(trash.get(0))).isTrue();
            assertThat(workspace.notes().forSite(Stores.SITE)).singleElement()
                    .satisfies(note -> assertThat(note.body()).startsWith("gardee"));
        }
    }

    @ParameterizedTest(name = "{0}.{1} of {2} characters")
    @org.junit.jupiter.params.provider.CsvSource({"attachment, file_name, 600", "administration, acronym, 60",
            "attachment, caption, 5000", "note, updated_by, 500", "lesson, title, 1001", "site, city_fr, 400"})
    void aValueLongerThanItsColumnIsRefusedInThePreviewNamingRecordAndField(String kind, String field, int length)
            throws Exception {
        Path tooLong = withFirstRecord(kind, field, "x".repeat(length), "too-long.rihla");
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);
        CliRun preview = CliRun.on(data, "import", tooLong.toString(), "--dry-run");
        assertThat(preview.code()).isEqualTo(2);
        assertThat(preview.err()).startsWith("too-long.rihla: in the entry ")
                .contains("the field \"" + ma.etamkeen.rihla.service.Failures.fieldLabel(field,
                        ma.etamkeen.rihla.i18n.Messages.of(ma.etamkeen.rihla.i18n.Language.EN)) + "\" holds "
                        + java.text.NumberFormat.getIntegerInstance(java.util.Locale.ENGLISH).format(length) + " characters")
                .doesNotContain("SQL").doesNotContain("Exception");
        assertThat(records(data)).isEqualTo(before);
    }

    @ParameterizedTest(name = "manifest counting them {0}")
    @ValueSource(booleans = {true, false})
    void aPackageWithFarMoreRecordsOfAKindThanADelegationHasIsRefusedSayingHowMany(boolean honest) throws Exception {
        Repack repack = Repack.of(good);
        ObjectMapper json = new ObjectMapper();
        ObjectNode real = (ObjectNode) json.readTree(repack.files.get("records/administration.json")).get(0);
        com.fasterxml.jackson.databind.node.ArrayNode junk = json.createArrayNode();
        for (int i = 0; i < 6_000; i++) {  // tiny, valid, and junk
            ObjectNode administration = real.deepCopy();
            administration.put("id", UUID.nameUUIDFromBytes(("junk " + i).getBytes()).toString());
            administration.put("name_fr", "Administration " + i);
            administration.put("acronym", "J" + i);
            junk.add(administration);
        }
        repack.files.put("records/administration.json", json.writeValueAsBytes(junk));
        repack.resealed();
        ObjectNode manifest = (ObjectNode) json.readTree(repack.files.get("manifest.json"));
        ((ObjectNode) manifest.path("counts")).put("administration", honest ? 6_000 : 1);
        repack.files.put("manifest.json", json.writeValueAsBytes(manifest));
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);
        CliRun refused = CliRun.on(data, "import", repack.write(folder.resolve("junk.rihla")).toString(), "--dry-run");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("6,000 records of the kind \"Administration\"", "at most 5,000");
        assertThat(records(data)).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aPackageChangedAfterItWasSignedIsRefused() throws Exception {
        Repack repack = Repack.of(good);
        assertThat(repack.files).containsKey("signature.json");
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode notes =
                (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(repack.files.get("records/note.json"));
        ((ObjectNode) notes.get(0)).put("body", "Falsifié en chemin");
        repack.files.put("records/note.json", json.writeValueAsBytes(notes));
        byte[] signature = repack.files.get("signature.json");
        repack.resealed().files.put("signature.json", signature);  // checksums made right, the signature kept
        Path altered = repack.write(folder.resolve("altered.rihla"));
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);
        CliRun refused = CliRun.on(data, "import", altered.toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("was changed after it was signed");
        assertThat(records(data)).isEqualTo(before);
    }

    @org.junit.jupiter.api.Test
    void aSecondKeyUnderAKnownNameIsFlaggedAndAnUnsignedPackageImportsWithAWarning() throws Exception {
        Path data = folder.resolve("receiver");
        CliRun first = CliRun.on(data, "import", good.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).doesNotContain("⚠");

        // Someone else's laptop, writing "Amina El Idrissi" as the sender: another key under her name.
        Path impostor = folder.resolve("impostor");
        DemoData.fill(impostor);
        Path forged;
        try (Workspace workspace = Workspace.open(impostor)) {
            forged = workspace.exchange().export(folder.resolve("forged.rihla"), ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
        CliRun flagged = CliRun.on(data, "import", forged.toString(), "--dry-run");
        assertThat(flagged.code()).isZero();
        assertThat(flagged.out()).contains("⚠ Warning: this package says it comes from Amina El Idrissi, but it is signed "
                + "with another key");

        Repack unsigned = Repack.of(good);
        unsigned.files.remove("signature.json");
        CliRun warned = CliRun.on(data, "import", unsigned.write(folder.resolve("unsigned.rihla")).toString());
        assertThat(warned.code()).as(warned.err()).isZero();
        assertThat(warned.out()).contains("⚠ Not signed: nothing shows that this package comes from Amina El Idrissi");
    }

    @org.junit.jupiter.api.Test
    void aScannedPageThatCompresses300TimesIsNoZipBomb() throws Exception {
        Path scan = folder.resolve("page-scannee.bmp");
        java.awt.image.BufferedImage page = new java.awt.image.BufferedImage(3000, 3000,
                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
        java.awt.Graphics2D pen = page.createGraphics();
        pen.setColor(java.awt.Color.WHITE);
        pen.fillRect(0, 0, 3000, 3000);
        pen.setColor(java.awt.Color.DARK_GRAY);
        pen.drawString("Procès-verbal de la visite", 200, 200);
        pen.dispose();
        javax.imageio.ImageIO.write(page, "bmp", scan.toFile());
        assertThat(java.nio.file.Files.size(scan)).isGreaterThan(26_000_000L);
        Path sent;
        try (Workspace workspace = Workspace.open(folder.resolve("amina"))) {
            workspace.attachments().attach(Stores.SITE, null, null, scan, "PV scanné");
            sent = workspace.exchange().export(folder.resolve("scan.rihla"), ExportScope.all(),
                    ExchangeService.Progress.NONE).file();
        }
        assertThat(java.nio.file.Files.size(sent)).as("it compresses a lot").isLessThan(1_000_000L);
        CliRun imported = CliRun.on(folder.resolve("youssef"), "import", sent.toString());
        assertThat(imported.code()).as(imported.err()).isZero();
        try (Workspace workspace = Workspace.open(folder.resolve("youssef"))) {
            assertThat(workspace.attachments().forSite(Stores.SITE)).singleElement()
                    .satisfies(attachment -> assertThat(attachment.sizeBytes()).isEqualTo(java.nio.file.Files.size(scan)));
        }
    }

    private static Map<UUID, String> records(Path data) {
        try (Workspace workspace = Workspace.open(data)) {
            return ExchangeRecords.of(workspace.database());
        }
    }

    @org.junit.jupiter.api.Test
    void aChangeToAnEntryTheSenderDidNotWriteIsFlaggedEntryByEntryOldBesideNew() throws Exception {
        Path amina = folder.resolve("amina");
        Path theirs = Laptops.rewritingPackage(amina, folder.resolve("youssef"), folder);
        try (Workspace workspace = Workspace.open(amina); ma.etamkeen.rihla.service.ExchangePackage pkg =
                workspace.exchange().read(theirs)) {
            List<ma.etamkeen.rihla.service.ImportPlan.Change> changes = workspace.exchange().plan(pkg).changes();
            assertThat(changes).as("two notes updated, nothing else").hasSize(2)
                    .allSatisfy(change -> assertThat(change.what()).isEqualTo(ma.etamkeen.rihla.service.ImportPlan.Change.What.UPDATED));
            var hers = changes.stream().filter(change -> change.after().text().equals(Laptops.YOUSSEF_SAYS)).findFirst().orElseThrow();
            assertThat(hers.flag()).as("Amina wrote it, Youssef sent it").isEqualTo(ma.etamkeen.rihla.service.ImportPlan.Change.Flag.OTHERS_ENTRY);
            assertThat(hers.author()).isEqualTo("Amina El Idrissi");
            assertThat(hers.before().text()).as("old beside new").isNotEqualTo(hers.after().text()).isNotBlank();
            assertThat(hers.before().lines()).filteredOn(ma.etamkeen.rihla.service.ImportPlan.Line::differs)
                    .extracting(ma.etamkeen.rihla.service.ImportPlan.Line::field).containsExactly("body");
            var his = changes.stream().filter(change -> change != hers).findFirst().orElseThrow();
            assertThat(his.flagged()).as("his own note").isFalse();
            assertThat(his.before().text()).isEqualTo("Le port : visite du centre de contrôle.");
        }
        CliRun preview = CliRun.on(amina, "import", theirs.toString(), "--dry-run");
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.out()).contains("⚠ 1 of these changes touch entries that Youssef Benali did not write",
                "Updated · Note: \"", "⚠ Last written here by Amina El Idrissi, not by Youssef Benali");
    }

    @org.junit.jupiter.api.Test
    void aSiteTakenDeletedFromAConflictCountsTheEntriesItTakesToTheTrashAndMustBeConfirmed() throws Exception {
        Path amina = folder.resolve("amina");
        Path youssef = folder.resolve("youssef");
        Path hers = folder.resolve("hers.rihla");
        try (Workspace a = Workspace.open(amina)) {
            Stores.addNotes(a, "gardee", 12);
            a.exchange().export(hers, ExportScope.all(), ExchangeService.Progress.NONE);
        }
        Path his = folder.resolve("his.rihla");
        try (Workspace y = Workspace.open(youssef)) {
            try (var pkg = y.exchange().read(hers)) {
                y.exchange().apply(pkg, y.exchange().plan(pkg), Map.of(), ExchangeService.Progress.NONE, () -> false);
            }
            assertThat(y.knowledge().deleteSite(Stores.SITE)).isTrue();  // the site, and Amina's 12 notes with it
            y.exchange().export(his, ExportScope.all(), ExchangeService.Progress.NONE);
        }
        try (Workspace a = Workspace.open(amina)) {
            Stores.addNotes(a, "encore", 1);  // written since: the site's deletion is a conflict here
        }
        Map<UUID, String> before = records(amina);
        CliRun refused = CliRun.on(amina, "import", his.toString(), "--on-conflict", "theirs");
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("would delete 14 entries", "--allow-deletions 14");
        assertThat(refused.out()).contains("Note: \"encore 0", "Note: \"gardee 1");
        assertThat(records(amina)).as("nothing changed").isEqualTo(before);

        // Keeping the site here: only the 12 notes Youssef deleted go, and they are still asked for.
        CliRun mine = CliRun.on(amina, "import", his.toString(), "--on-conflict", "mine");
        assertThat(mine.err()).contains("would delete 12 entries");
        CliRun allowed = CliRun.on(amina, "import", his.toString(), "--on-conflict", "mine", "--allow-deletions", "12");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("12 deleted");
        try (Workspace a = Workspace.open(amina)) {
            assertThat(a.notes().forSite(Stores.SITE)).extracting(ma.etamkeen.rihla.model.Note::body)
                    .singleElement().asString().startsWith("encore 0");
        }
    }

    @org.junit.jupiter.api.Test
    void deletingMoreThanATenthOfTheBuiltInSitesMustBeConfirmedToo() throws Exception {
        Path youssef = folder.resolve("youssef");
        Path his = folder.resolve("six-sites.rihla");
        try (Workspace y = Workspace.open(youssef)) {
            List<ma.etamkeen.rihla.model.Site> sites = y.catalog().sites();
            for (int i = 0; i < 6; i++) {
                assertThat(y.knowledge().deleteSite(sites.get(i).id())).isTrue();
            }
            y.exchange().export(his, ExportScope.all(), ExchangeService.Progress.NONE);
        }
        Path amina = folder.resolve("amina");
        try (Workspace a = Workspace.open(amina); var pkg = a.exchange().read(his)) {
            var plan = a.exchange().plan(pkg);
            assertThat(plan.deletions(Map.of())).hasSize(6);
            assertThat(plan.deletionsNeedConfirming(Map.of())).as("6 of the built-in data's ~50 records").isTrue();
        }
    }

    @ParameterizedTest(name = "{0} = {1}")
    @org.junit.jupiter.params.provider.CsvSource({"note, updated_at, +1000000000-12-31T23:59:59Z",
        "note, created_at, -1000000000-01-01T00:00:00Z", "note, noted_on, +10000-01-01", "idea, updated_at, 0000-12-31T23:00:00Z"})
    void aDateNoCalendarHereCanHoldIsRefusedInThePreviewNamingRecordAndField(String kind, String field, String value)
            throws Exception {
        Path farOff = withFirstRecord(kind, field, value, "far-off.rihla");
        String id = new ObjectMapper().readTree(Repack.of(good).files.get("records/" + kind + ".json")).get(0).path("id").asText();
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);
        CliRun preview = CliRun.on(data, "import", farOff.toString(), "--dry-run");
        assertThat(preview.code()).isEqualTo(2);
        assertThat(preview.err()).contains(id + ": " + field)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(records(data)).isEqualTo(before);
    }

    /**
     * A text the field model does not allow — a slug or code that would name a file elsewhere or is no code, fields
     * to confirm that no site has, a confirmation that is not one — is refused in the preview naming record and
     * field: before, it was stored, and every read of the sites failed from then on.
     */
    @ParameterizedTest(name = "{0}.{1} = {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"site | slug | ../pwn",
        "site | slug | Be Code/../X", "site | to_confirm | BANANA", "site | confirmations | nonsense{{",
        "visit | code | ../../x", "theme | code | Open Data"})
    void aTextTheFieldModelDoesNotAllowIsRefusedInThePreviewNamingRecordAndField(String kind, String field,
                                                                              String value) throws Exception {
        Path bad = withFirstRecord(kind, field, value, "bad-text.rihla");
        String id = new ObjectMapper().readTree(Repack.of(good).files.get("records/" + kind + ".json")).get(0).path("id").asText();
        Path data = folder.resolve("receiver");
        CliRun.on(data, "sites");
        Map<UUID, String> before = records(data);
        CliRun preview = CliRun.on(data, "import", bad.toString());
        assertThat(preview.code()).as(preview.err()).isEqualTo(2);
        assertThat(preview.err()).contains(id + ": " + field).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(records(data)).isEqualTo(before);
        assertThat(CliRun.on(data, "sites").code()).isZero();
    }

    @org.junit.jupiter.api.Test
    void aSenderWritingUnderTheAuthorsNameWithAKeyNotYetKnownHereIsFlaggedAndTheAppsOwnNamesAreWarnedAbout()
            throws Exception {
        // Amina's notes came here unsigned (relayed), so no key is remembered under her name.
        Path data = folder.resolve("receiver");
        Repack unsigned = Repack.of(good);
        unsigned.files.remove("signature.json");
        assertThat(CliRun.on(data, "import", unsigned.write(folder.resolve("relayed.rihla")).toString()).code()).isZero();

        // Someone else signs with their own new key, writing "Amina El Idrissi " as the sender and the author.
        Path impostor = folder.resolve("impostor");
        Path forged = folder.resolve("forged.rihla");
        try (Workspace workspace = Workspace.open(impostor)) {
            try (var pkg = workspace.exchange().read(good)) {
                workspace.exchange().apply(pkg, workspace.exchange().plan(pkg), Map.of(), ExchangeService.Progress.NONE, () -> false);
            }
            var me = workspace.people().save(new ma.etamkeen.rihla.model.Delegate(UUID.randomUUID(), "Amina El Idrissi ", null));
            workspace.identity().setMe(me.id());
            var note = workspace.notes().forSite(ma.etamkeen.rihla.store.Seeder.siteId("port-of-antwerp-bruges")).get(0);
            workspace.notes().save(note.withBody("Réécrit par un autre."));
            workspace.exchange().export(forged, ExportScope.all(), ExchangeService.Progress.NONE);
        }
        CliRun preview = CliRun.on(data, "import", forged.toString(), "--dry-run");
        assertThat(preview.code()).as(preview.err()).isZero();
        assertThat(preview.out()).contains("⚠ 1 of these changes touch entries that Amina El Idrissi did not write, or may not have",
                "Last written here by Amina El Idrissi, and nothing shows yet that this package comes from Amina El Idrissi");

        // A package under the built-in data's name, or under this laptop's own user's, is warned about loudly.
        for (String name : List.of("rihla-seed", "Amina El Idrissi")) {
            Repack claimed = Repack.of(good);
            ObjectNode manifest = (ObjectNode) new ObjectMapper().readTree(claimed.files.get("manifest.json"));
            manifest.with("exportedBy").put("name", name);
            claimed.files.put("manifest.json", new ObjectMapper().writeValueAsBytes(manifest));
            Path sender = folder.resolve("sender");  // Amina's own laptop: "Amina El Idrissi" is its user
            CliRun warned = CliRun.on(name.equals("rihla-seed") ? data : sender, "import",
                    claimed.resealed().write(folder.resolve("claimed.rihla")).toString(), "--dry-run");
            assertThat(warned.out()).as(name).contains("⚠ Warning: this package says it comes from " + name
                    + ", a name Rihla itself writes under here");
        }
    }

    /** The good package with {@code field} of the first record of {@code kind} set to {@code value}, resealed. */
    private Path withFirstRecord(String kind, String field, String value, String fileName) throws Exception {
        Repack repack = Repack.of(good);
        ObjectMapper json = new ObjectMapper();
        String entry = "records/" + kind + ".json";
        var records = (com.fasterxml.jackson.databind.node.ArrayNode) json.readTree(repack.files.get(entry));
        ((ObjectNode) records.get(0)).put(field, value);
        repack.files.put(entry, json.writeValueAsBytes(records));
        return repack.resealed().write(folder.resolve(fileName));
    }
}
