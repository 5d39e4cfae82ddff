package ma.etamkeen.rihla.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.HubAddress;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.SyncService;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.CliRun;
import ma.etamkeen.rihla.testing.PostgresServer;
import ma.etamkeen.rihla.testing.Stores;
import ma.etamkeen.rihla.testing.SyncLaptops;

/**
 * Sync through a real PostgreSQL server (started by {@link PostgresServer}): hub init, every record kind with
 * attachments' bytes, reading only what changed, concurrent pushes of the same record (one wins, the other gets
 * a conflict), a connection cut in the middle of a push (the hub as before, the laptop as before, the next sync
 * whole), and refusals in words.
 */
class PostgresHubTest {
    @TempDir
    Path folder;

    private Workspace laptop(String name, String delegate) {
        return SyncLaptops.laptop(folder, name, delegate);
    }

    private static Note note(Workspace laptop, String text) {
        return SyncLaptops.note(laptop, text);
    }

    private static long count(HubAddress hub, String sql) throws Exception {
        try (Connection admin = PostgresServer.shared().admin(hub.database()); var statement = admin.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void hubInitThenNotesAndPhotosTravelThroughTheServer() throws Exception {
        HubAddress hub = PostgresServer.shared().newDatabase("travel");
        String url = "postgresql://" + hub.user() + ":" + hub.password() + "@localhost:" + hub.port() + "/" + hub.database()
                + "?sslmode=disable";
        CliRun init = CliRun.on(folder.resolve("amina"), "--lang", "en", "hub", "init", url);
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.out()).contains("is ready").doesNotContain(hub.password());
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            Note note = note(amina, "Le tableau de l'atelier NIDO");
            Path photo = folder.resolve("tableau.png");
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB),
                    "png", photo.toFile());
            amina.attachments().attach(Stores.SITE, EntryKind.NOTE, note.id(), photo, "tableau");
            amina.sync().setHub(hub);  // the password kept sealed in the store
            SyncService.Synced sent = amina.sync().sync(amina.sync().hub().orElseThrow(), null);
            assertThat(sent.sent()).isGreaterThan(2);
            assertThat(count(hub, "SELECT count(*) FROM hub_blob")).isEqualTo(1);

            SyncService.Synced received = youssef.sync().sync(hub, null);
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).contains("Le tableau de l'atelier NIDO");
            assertThat(youssef.attachments().forSite(Stores.SITE)).singleElement()
                    .satisfies(attachment -> assertThat(youssef.attachments().copyForViewing(attachment))
                            .hasSameBinaryContentAs(photo));
            assertThat(received.sent()).as("Youssef's own delegate record goes up").isGreaterThanOrEqualTo(1);

            // Only what changed since the last sync comes down again.
            note(amina, "une seconde note");
            amina.sync().sync(hub, null);
            SyncService.Synced second = youssef.sync().sync(hub, null);
            assertThat(second.received().added()).isEqualTo(1);
            assertThat(second.received().unchanged()).as("at most his own delegate, echoed").isLessThanOrEqualTo(1);
        }
        // The password never reached a text file of the data folder.
        try (var files = Files.walk(folder.resolve("amina"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".db")
                    && !f.toString().endsWith(".zip")).toList()) {
                assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(hub.password());
            }
        }
    }

    @Test
    void twoLaptopsPushingTheSameNoteAtOnceLoseNoUpdate() throws Exception {
        HubAddress hub = PostgresServer.shared().newDatabase("race");
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            amina.sync().prepare(hub);
            Note shared = note(amina, "Digitaal Vlaanderen : la première version");
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);
            AtomicInteger round = new AtomicInteger();
            for (int i = 0; i < 5; i++) {
                round.incrementAndGet();
                amina.notes().save(find(amina, shared.id()).withBody("vu par Amina " + i));
                youssef.notes().save(find(youssef, shared.id()).withBody("vu par Youssef " + i));
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<SyncService.Synced> a = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return amina.sync().sync(hub, null);
                });
                CompletableFuture<SyncService.Synced> y = CompletableFuture.supplyAsync(() -> {
                    await(together);
                    return youssef.sync().sync(hub, null);
                });
                int waiting = a.join().waiting() + y.join().waiting();
                // One push won; the other laptop has the conflict, both versions in front of it.
                assertThat(waiting).as("round %d", i).isEqualTo(1);
                Workspace loser = amina.sync().waiting() == 1 ? amina : youssef;
                loser.sync().conflicts().forEach(conflict -> loser.sync().settle(conflict.id(),
                        ma.etamkeen.rihla.service.ImportPlan.Resolution.BOTH));
                loser.sync().sync(hub, null);
                amina.sync().sync(hub, null);
                youssef.sync().sync(hub, null);
                List<String> aminas = amina.notes().forSite(Stores.SITE).stream().map(Note::body).sorted().toList();
                assertThat(youssef.notes().forSite(Stores.SITE).stream().map(Note::body).sorted().toList()).isEqualTo(aminas);
                assertThat(aminas).contains("vu par Amina " + i, "vu par Youssef " + i);  // kept both: nothing lost
            }
        }
    }

    @Test
    void aConnectionCutInTheMiddleOfAPushLeavesTheHubAsItWasAndTheNextSyncWhole() throws Exception {
        PostgresServer server = PostgresServer.shared();
        HubAddress hub = server.newDatabase("cut");
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            amina.sync().prepare(hub);
            amina.sync().sync(hub, null);
            long before = count(hub, "SELECT count(*) FROM hub_record");
            Stores.addNotes(amina, "coupure", 300);
            // Each row the push writes takes 5 ms on this server: the cut lands with part of them written.
            execute(hub, "CREATE FUNCTION slowly() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.005); RETURN NEW; END $$"
                    + " LANGUAGE plpgsql; CREATE TRIGGER slowly BEFORE INSERT ON hub_record FOR EACH ROW EXECUTE FUNCTION slowly()");
            CompletableFuture<Object> push = CompletableFuture.supplyAsync(() -> {
                try {
                    return amina.sync().sync(hub, null);
                } catch (RejectedInput e) {
                    return e;
                }
            });
            while (count(hub, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'Rihla'"
                    + " AND query LIKE 'INSERT INTO hub_record%' AND state = 'active'") == 0) {
                Thread.sleep(5);
            }
            Thread.sleep(400);
            assertThat(server.cutConnections(hub.database())).isPositive();
            assertThat(push.join()).isInstanceOfSatisfying(RejectedInput.class,
                    e -> assertThat(e.messageKey()).isEqualTo("sync.hub-failed"));
            assertThat(count(hub, "SELECT count(*) FROM hub_record")).as("nothing half-pushed").isEqualTo(before);
            execute(hub, "DROP TRIGGER slowly ON hub_record");
            assertThat(amina.notes().forSite(Stores.SITE)).as("the laptop as it was").hasSize(300);
            SyncService.Synced again = amina.sync().sync(hub, null);
            assertThat(again.waiting()).isZero();
            assertThat(count(hub, "SELECT count(*) FROM hub_record WHERE kind = 'note'")).isEqualTo(300);
            youssef.sync().sync(hub, null);
            assertThat(youssef.notes().forSite(Stores.SITE)).hasSize(300);
        }
    }

    @Test
    void whatADelegatePastedComesBackExactlyEvenANulOrALoneSurrogate() throws Exception {
        HubAddress hub = PostgresServer.shared().newDatabase("strange");
        String[] texts = {"collé d'un PDF :\u0000fin", "moitié d'émoji \uD83D seule", "مرحبا 👍🏽 \u202Eà l'envers",
                "x".repeat(100_000)};
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            amina.sync().prepare(hub);
            for (String text : texts) {
                note(amina, text);
            }
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);
            assertThat(youssef.notes().forSite(Stores.SITE)).extracting(Note::body).containsExactlyInAnyOrder(texts);
            assertThat(amina.sync().sync(hub, null).sent()).as("nothing differs: nothing goes again").isZero();
        }
    }

    @Test
    void refusalsAreSaidInWords() throws Exception {
        PostgresServer server = PostgresServer.shared();
        HubAddress empty = server.newDatabase("empty");
        try (Workspace amina = laptop("amina", "Amina")) {
            assertThatThrownBy(() -> amina.sync().sync(empty, null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.hub-not-prepared");
            HubAddress wrongPassword = empty.withPassword("not-the-password");
            assertThatThrownBy(() -> amina.sync().sync(wrongPassword, null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.hub-login-refused")
                    .satisfies(e -> assertThat(java.util.Arrays.toString(((RejectedInput) e).args())).doesNotContain("not-the-password"));
            HubAddress foreign = server.newDatabase("foreign");
            try (Connection admin = server.admin(foreign.database()); var statement = admin.createStatement()) {
                statement.execute("CREATE TABLE budget (line TEXT)");
            }
            assertThatThrownBy(() -> amina.sync().prepare(foreign)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.hub-foreign");
            HubAddress withTls = HubAddress.server("localhost", empty.port(), empty.database(), empty.user(), empty.password(), true);
            assertThatThrownBy(() -> amina.sync().sync(withTls, null)).as("TLS on by default; this server has none")
                    .isInstanceOf(RejectedInput.class).hasFieldOrPropertyWithValue("messageKey", "sync.hub-no-tls");
            HubAddress nobody = HubAddress.server("localhost", 1, "rihla", "x", "y", false);
            assertThatThrownBy(() -> amina.sync().sync(nobody, null)).isInstanceOf(RejectedInput.class)
                    .hasFieldOrPropertyWithValue("messageKey", "sync.hub-no-answer")
                    .satisfies(e -> assertThat(ma.etamkeen.rihla.i18n.Messages.of(ma.etamkeen.rihla.i18n.Language.FR)
                            .format("sync.hub-no-answer", ((RejectedInput) e).args()))
                            .as("in French, nothing of the driver's English").contains("ne répond pas sur localhost, port 1 :")
                            .doesNotContain("refused").doesNotContain("Connection"));
        }
    }

    @Test
    void aBrokenRowOnTheServerIsRefusedLikeABrokenPackageAndNothingHereChanges() throws Exception {
        HubAddress hub = PostgresServer.shared().newDatabase("broken");
        try (Workspace amina = laptop("amina", "Amina"); Workspace youssef = laptop("youssef", "Youssef")) {
            amina.sync().prepare(hub);
            note(amina, "une note saine");
            amina.sync().sync(hub, null);
            youssef.sync().sync(hub, null);
            note(youssef, "la note de Youssef, à garder");
            // Someone with rights on the server writes a note of a site that exists nowhere.
            execute(hub, "INSERT INTO hub_record (id, kind, fields, hash, versions, change, pushed_by)"
                    + " SELECT gen_random_uuid(), kind, jsonb_set(fields::jsonb, '{site_id}', '\"00000000-0000-0000-0000-000000000001\"')::json,"
                    + " repeat('a', 64), ARRAY[]::text[], nextval('hub_change'), 'intrus' FROM hub_record WHERE kind = 'note' LIMIT 1");
            List<String> before = youssef.notes().forSite(Stores.SITE).stream().map(Note::body).sorted().toList();
            assertThatThrownBy(() -> youssef.sync().sync(hub, null)).isInstanceOf(RejectedInput.class)
                    .satisfies(e -> assertThat(((RejectedInput) e).messageKey()).startsWith("exchange."));
            assertThat(youssef.notes().forSite(Stores.SITE).stream().map(Note::body).sorted().toList()).isEqualTo(before);
        }
    }

    private static void execute(HubAddress hub, String sql) throws Exception {
        try (Connection admin = PostgresServer.shared().admin(hub.database()); var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Note find(Workspace laptop, UUID id) {
        return laptop.notes().forSite(Stores.SITE).stream().filter(note -> note.id().equals(id)).findFirst().orElseThrow();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
