package ma.etamkeen.rihla.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SyncService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.Stores;
import ma.etamkeen.rihla.testing.SyncLaptops;

/**
 * Sync through a real folder (a USB stick, a share, a cloud-synced folder): what one laptop writes reaches the
 * others; each laptop only adds files in its own sub-folder; files still being copied, "conflicted copies" and
 * foreign files are skipped and read once complete; conflicts wait in the list; a sync is undone by its backup.
 */
class FolderHubTest {
    @TempDir
    Path folder;

    private Workspace laptop(String name, String delegate) {
        return SyncLaptops.laptop(folder, name, delegate);
    }

    private static Note note(Workspace laptop, String text) {
        return SyncLaptops.note(laptop, text);
    }

    @Test
    void aminasNotesReachYoussefAndTheStatusSaysFromWhom() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            note(amina, "Guichet unique : une seule porte d'entrée.");
            note(amina, "نقطة الاتصال الوحيدة للمرتفقين.");
            note(amina, "Le « Once Only » inscrit dans la loi.");
            SyncService.Synced sent = amina.sync().sync(hub, null);
            assertThat(sent.sent()).isGreaterThan(3);
            assertThat(sent.backup()).as("nothing came: no backup").isNull();

            SyncService.Synced received = youssef.sync().sync(hub, null);
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body)
                    .contains("Guichet unique : une seule porte d'entrée.", "نقطة الاتصال الوحيدة للمرتفقين.");
            assertThat(received.received().added()).isGreaterThanOrEqualTo(4);  // three notes and Amina
            assertThat(received.describe(Messages.of(Language.EN))).contains("3 new notes from Amina");
            assertThat(received.describe(Messages.of(Language.FR))).contains("3 nouvelles notes de Amina");
            assertThat(received.describe(Messages.of(Language.AR))).contains("3 ملاحظات جديدة من Amina");
            assertThat(received.backup()).as("taken before it wrote").isNotNull();
            assertThat(youssef.sync().lastSync()).isPresent();

            // Synced again with nothing new: nothing sent, nothing received, nothing written.
            SyncService.Synced again = youssef.sync().sync(hub, null);
            assertThat(again.sent()).isZero();
            assertThat(again.received().changesAnything()).isFalse();
        }
    }

    @Test
    void eachLaptopOnlyAddsFilesInItsOwnFolderAndSkipsWhatIsNotCompleteOrNotOurs() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        HubAddress hub = HubAddress.folder(stick);
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            note(amina, "première note d'Amina");
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);
            Map<Path, Long> aminasFiles = sizes(stick, youssef);
            note(amina, "deuxième note d'Amina");
            amina.sync().sync(hub, null);
            Path aminasFolder;
            try (Stream<Path> laptops = Files.list(stick.resolve("laptops"))) {
                aminasFolder = laptops.filter(dir -> {
                    try (Stream<Path> files = Files.list(dir)) {
                        return files.count() == 2;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).findFirst().orElseThrow();
            }
            Path second = aminasFolder.resolve("00000002.rihla");
            byte[] whole = Files.readAllBytes(second);
            // The cloud service is still copying Amina's second change set; it also made a "conflicted copy" of
            // it, and someone dropped a file of their own in her folder.
            Files.write(second, java.util.Arrays.copyOf(whole, whole.length / 2));
            Files.write(aminasFolder.resolve("00000002 (conflicted copy 2026-11-30).rihla"), whole);
            Files.writeString(aminasFolder.resolve("notes.txt"), "pas un paquet");

            SyncService.Synced partial = youssef.sync().sync(hub, null);
            assertThat(partial.unread()).extracting(SyncService.Unread::name)
                    .containsExactly(aminasFolder.getFileName() + "/00000002.rihla");
            assertThat(partial.describe(Messages.of(Language.EN))).contains("00000002.rihla cannot be read yet (");
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).doesNotContain("deuxième note d'Amina");

            Files.write(second, whole);  // the copy completes
            youssef.sync().sync(hub, null);
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).contains("deuxième note d'Amina");

            // Youssef never wrote into Amina's folder: her files are as she left them.
            aminasFiles.forEach((file, size) -> assertThat(file).hasSize(size));
            try (Stream<Path> files = Files.list(aminasFolder)) {
                assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".part")))
                        .isEmpty();
            }
        }
    }

    /** The files of every laptop's folder but {@code except}'s own, with their sizes. */
    private static Map<Path, Long> sizes(Path stick, Workspace except) throws Exception {
        Map<Path, Long> sizes = new HashMap<>();
        try (Stream<Path> files = Files.walk(stick.resolve("laptops"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                sizes.put(file, Files.size(file));
            }
        }
        return sizes;
    }

    @Test
    void aConflictWaitsInTheListUntilSettledAndTheCommandLineSaysSo() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        HubAddress hub = HubAddress.folder(stick);
        UUID shared;
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            Note note = note(amina, "APICA : le jumeau numérique du port.");
            shared = note.id();
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);
            amina.notes().save(amina.notes().forSite(Stores.SITE).stream().filter(n -> n.id().equals(shared)).findFirst()
                    .orElseThrow().withBody("APICA, vu par Amina."));
            youssef.notes().save(youssef.notes().forSite(Stores.SITE).stream().filter(n -> n.id().equals(shared))
                    .findFirst().orElseThrow().withBody("APICA, vu par Youssef."));
            amina.sync().sync(hub, null);
            SyncService.Synced synced = youssef.sync().sync(hub, null);
            assertThat(synced.waiting()).isEqualTo(1);
            assertThat(synced.describe(Messages.of(Language.FR))).contains("1 conflit attend");
            assertThat(youssef.sync().conflicts()).singleElement().satisfies(conflict -> {
                assertThat(conflict.mine().text("body")).isEqualTo("APICA, vu par Youssef.");
                assertThat(conflict.theirs().text("body")).isEqualTo("APICA, vu par Amina.");
            });
            assertThat(bodyOf(youssef, shared)).as("nothing overwritten without asking").isEqualTo("APICA, vu par Youssef.");
        }
        // On the command line: exit 3 while it waits, listed; settled with --on-conflict.
        CliRun waiting = CliRun.on(folder.resolve("youssef"), "--lang", "en", "sync", "--hub", stick.toString());
        assertThat(waiting.code()).isEqualTo(3);
        assertThat(waiting.out()).contains("Conflict waiting: Note \"APICA, vu par Youssef.\"");
        CliRun settled = CliRun.on(folder.resolve("youssef"), "--lang", "en", "sync", "--hub", stick.toString(),
                "--on-conflict", "theirs");
        assertThat(settled.code()).as(settled.err()).isZero();
        try (Workspace youssef = Workspace.open(folder.resolve("youssef")); Workspace amina = Workspace.open(folder.resolve("amina"))) {
            assertThat(bodyOf(youssef, shared)).isEqualTo("APICA, vu par Amina.");
            assertThat(youssef.sync().waiting()).isZero();
            amina.sync().sync(hub, null);
            assertThat(bodyOf(amina, shared)).isEqualTo("APICA, vu par Amina.");
            assertThat(amina.sync().waiting()).isZero();
        }
    }

    @Test
    void aChangeSetReadsOnItsOwnWhateverOrderTheOthersAreReadIn() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef");
             Workspace karim = laptop("karim", "Karim")) {
            amina.ideas().save(new ma.etamkeen.rihla.model.Idea(UUID.randomUUID(), Stores.SITE, null, null,
                    "Un registre des données de référence", "", null, null, ma.etamkeen.rihla.model.Idea.Status.PROPOSED,
                    null, null, java.util.Set.of(), java.util.Set.of(), null));
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);  // Amina's idea, and its history, are now on Youssef's laptop too
            note(youssef, "la note de Youssef");
            youssef.sync().sync(hub, null);
            // Karim reads both laptops' change sets: Youssef's must not lean on Amina's being read first.
            SyncService.Synced synced = karim.sync().sync(hub, null);
            assertThat(synced.unread()).isEmpty();
            assertThat(karim.ideas().all()).extracting(idea -> idea.title()).contains("Un registre des données de référence");
            assertThat(karim.notes().forSite(Stores.SITE)).extracting(Note::body).contains("la note de Youssef");
        }
    }

    @Test
    void aLaptopWhoseFolderWasRemovedFromTheHubSendsEverythingAgainUnderNewNumbers() throws Exception {
        Path stick = Files.createDirectories(folder.resolve("stick"));
        HubAddress hub = HubAddress.folder(stick);
        try (Workspace p = laptop("p", "Amina"); Workspace q = laptop("q", "Youssef")) {
            for (String text : List.of("P one", "P two", "P three")) {
                note(p, text);
                p.sync().sync(hub, null);
            }
            q.sync().sync(hub, null);
            try (Stream<Path> laptops = Files.list(stick.resolve("laptops"))) {
                for (Path laptopFolder : laptops.toList()) {  // someone tidies the stick: p's folder goes
                    Files.move(laptopFolder, folder.resolve("elsewhere-" + laptopFolder.getFileName()));
                }
            }
            note(p, "P four");
            p.sync().sync(hub, null);
            q.sync().sync(hub, null);
            assertThat(q.notes().forSite(Stores.SITE)).extracting(Note::body).contains("P four");
        }
        try (Workspace r = laptop("r", "Karim")) {  // a laptop that joins later gets all of p's notes
            r.sync().sync(hub, null);
            assertThat(r.notes().forSite(Stores.SITE)).extracting(Note::body).contains("P one", "P two", "P three", "P four");
        }
    }

    @Test
    void aLaptopThatRestoredAnOlderBackupGetsBackWhatItHadSentSince() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        Path backup;
        try (Workspace p = laptop("p", "Amina")) {
            note(p, "P one");
            p.sync().sync(hub, null);
            backup = p.backups().backUpNow().file();
            note(p, "P two");
            p.sync().sync(hub, null);
        }
        BackupService.restore(folder.resolve("p"), backup);
        try (Workspace p = Workspace.open(folder.resolve("p"))) {
            assertThat(p.notes().forSite(Stores.SITE)).extracting(Note::body).doesNotContain("P two");
            p.sync().sync(hub, null);
            assertThat(p.notes().forSite(Stores.SITE)).extracting(Note::body).contains("P one", "P two");
            note(p, "P three");
            p.sync().sync(hub, null);
        }
        try (Workspace q = laptop("q", "Youssef")) {
            q.sync().sync(hub, null);
            assertThat(q.notes().forSite(Stores.SITE)).extracting(Note::body).contains("P one", "P two", "P three");
        }
    }

    @Test
    void twoCopiesOfOneDataFolderSyncingAtOnceNeverOverwriteEachOthersFiles() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        try (Workspace original = laptop("one", "Amina")) {
            note(original, "avant la copie");
            original.sync().sync(hub, null);
        }
        copyFolder(folder.resolve("one"), folder.resolve("two"));
        try (Workspace one = Workspace.open(folder.resolve("one")); Workspace two = Workspace.open(folder.resolve("two"))) {
            for (int round = 0; round < 4; round++) {
                note(one, "one " + round);
                note(two, "two " + round);
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> one.sync().sync(hub, null)),
                        CompletableFuture.runAsync(() -> two.sync().sync(hub, null))).join();
            }
            one.sync().sync(hub, null);
            two.sync().sync(hub, null);
        }
        try (Workspace third = laptop("three", "Karim")) {
            third.sync().sync(hub, null);
            assertThat(third.notes().forSite(Stores.SITE)).extracting(Note::body).contains("avant la copie",
                    "one 0", "one 1", "one 2", "one 3", "two 0", "two 1", "two 2", "two 3");
        }
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("rihla.lock")) {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aSyncIsUndoneByRestoringTheBackupTakenBeforeIt() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        try (Workspace amina = laptop("amina", "Amina")) {
            note(amina, "une note à ne pas garder");
            amina.sync().sync(hub, null);
        }
        Path backup;
        try (Workspace youssef = laptop("youssef", "Youssef")) {
            SyncService.Synced synced = youssef.sync().sync(hub, null);
            backup = synced.backup().file();
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).contains("une note à ne pas garder");
        }
        BackupService.restore(folder.resolve("youssef"), backup);
        try (Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).doesNotContain("une note à ne pas garder");
        }
    }

    @Test
    void twoLaptopsSyncingAtTheSameMomentBothEndWithEverything() throws Exception {
        HubAddress hub = HubAddress.folder(Files.createDirectories(folder.resolve("stick")));
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            for (int i = 0; i < 40; i++) {
                note(amina, "Amina " + i);
                note(youssef, "Youssef " + i);
            }
            for (int round = 0; round < 2; round++) {
                CompletableFuture<?> a = CompletableFuture.runAsync(() -> amina.sync().sync(hub, null));
                CompletableFuture<?> y = CompletableFuture.runAsync(() -> youssef.sync().sync(hub, null));
                CompletableFuture.allOf(a, y).join();
            }
            amina.sync().sync(hub, null);
            assertThat(amina.notes().forSite(Stores.SITE)).hasSize(80);
            assertThat(youssef.notes().forSite(Stores.SITE)).hasSize(80);
        }
    }

    @Test
    void aFolderThatCannotBeReachedIsSaidInWordsAndNothingChanges() throws Exception {
        try (Workspace amina = laptop("amina", "Amina")) {
            note(amina, "reste ici");
            HubAddress unplugged = HubAddress.folder(folder.resolve("media/USB-STICK"));
            assertThatThrownBy(() -> amina.sync().sync(unplugged, null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.folder-missing");
            assertThat(amina.notes().forSite(Stores.SITE)).extracting(Note::body).containsExactly("reste ici");
            assertThatThrownBy(() -> HubAddress.parse("postgresql://@/")).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.bad-address");
            // A password with an "@" not percent-encoded: refused, and never shown.
            assertThatThrownBy(() -> HubAddress.parse("postgresql://admin:Top@Secret9@localhost:5432/hub"))
                    .isInstanceOf(RejectedInput.class)
                    .satisfies(e -> assertThat(java.util.Arrays.toString(((RejectedInput) e).args()))
                            .doesNotContain("Top").doesNotContain("Secret9").contains("@localhost:5432/hub"));
            Path file = Files.writeString(folder.resolve("not-a-folder"), "x");
            assertThatThrownBy(() -> amina.sync().sync(HubAddress.folder(file), null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.folder-not-folder");
            Path newer = Files.createDirectories(folder.resolve("newer-hub"));
            Files.writeString(newer.resolve("rihla-hub.json"), "{\"hub\": \"" + UUID.randomUUID() + "\", \"format\": 99}");
            assertThatThrownBy(() -> amina.sync().sync(HubAddress.folder(newer), null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.hub-newer");
        }
    }

    private static String bodyOf(Workspace laptop, UUID id) {
        List<Note> notes = laptop.notes().forSite(Stores.SITE);
        return notes.stream().filter(note -> note.id().equals(id)).findFirst().orElseThrow().body();
    }
}
