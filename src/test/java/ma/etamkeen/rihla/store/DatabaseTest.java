package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.Main;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.Processes;

/** The store on a real H2 file in a temporary data folder. */
class DatabaseTest {

    @TempDir
    Path folder;

    @Test
    void firstStartSeedsTheVisitFifteenSitesAndTenThemes() {
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.catalog().sites()).hasSize(15);
            assertThat(workspace.catalog().themes()).hasSize(10);
            assertThat(workspace.catalog().visit("belgium-2022")).hasValueSatisfying(visit -> {
                assertThat(visit.programme()).isEqualTo("E-TAMKEEN");
                assertThat(visit.delegationSize()).isEqualTo(18);
                assertThat(visit.startsOn()).hasToString("2022-09-25");
                assertThat(visit.endsOn()).hasToString("2022-10-05");
            });
            Site port = workspace.catalog().site("port-of-antwerp-bruges").orElseThrow();
            assertThat(port.name().ar()).isEqualTo("ميناء أنتويرب");
            assertThat(port.themes()).extracting("code").contains("port-logistics");
            assertThat(port.facts()).isNotEmpty().allSatisfy(fact -> assertThat(fact.text().en()).isNotBlank());
        }
        assertThat(folder.resolve("rihla.mv.db")).exists();
    }

    @Test
    void unverifiedFactsOfTheReferenceAreMarkedToConfirm() {
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.catalog().site("ewbs").orElseThrow().toConfirm()).containsExactly(Site.Field.CITY);
            assertThat(workspace.catalog().site("digital-agency").orElseThrow().toConfirm())
                    .contains(Site.Field.NAME, Site.Field.CITY, Site.Field.LEVEL);
            assertThat(workspace.catalog().site("port-of-antwerp-bruges").orElseThrow().toConfirm())
                    .containsExactly(Site.Field.WEBSITE);
            assertThat(workspace.catalog().site("nido").orElseThrow().facts())
                    .anySatisfy(fact -> assertThat(fact.toConfirm()).isTrue());
            assertThat(workspace.catalog().site("asa").orElseThrow().toConfirm()).isEmpty();
        }
    }

    @Test
    void aSecondStartAndAForcedReseedChangeNothing() {
        Map<String, List<String>> afterFirst;
        try (Workspace workspace = Workspace.open(folder)) {
            afterFirst = TableDump.of(workspace.database());
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(TableDump.of(workspace.database())).isEqualTo(afterFirst);
            Seeder.Report report = new Seeder().addMissing(workspace.database());
            assertThat(report.total()).isZero();
            assertThat(TableDump.of(workspace.database())).isEqualTo(afterFirst);
        }
    }

    @Test
    void aUsersEditOfASeededSiteSurvivesRestartAndReseed() {
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.database().write(tx -> tx.update(
                    "UPDATE site SET name_fr = ?, updated_by = ?, updated_at = ? WHERE slug = ?",
                    "Port d'Anvers-Bruges (Havenhuis)", "amina", Database.now(), "port-of-antwerp-bruges"));
            workspace.database().write(tx -> tx.update(
                    "UPDATE theme SET label_ar = ? WHERE code = ?", "التبسيط الإداري", "simplification"));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            new Seeder().addMissing(workspace.database());
            assertThat(workspace.catalog().site("port-of-antwerp-bruges").orElseThrow().name().fr())
                    .isEqualTo("Port d'Anvers-Bruges (Havenhuis)");
            assertThat(workspace.catalog().themes()).filteredOn(theme -> theme.code().equals("simplification"))
                    .singleElement().satisfies(theme -> assertThat(theme.label().ar()).isEqualTo("التبسيط الإداري"));
        }
    }

    @Test
    void aSeededSiteTheUserDeletedStaysDeleted() {
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.database().write(tx -> tx.update(
                    "UPDATE site SET deleted_at = ? WHERE slug = ?", Database.now(), "bipt"));
        }
        try (Workspace workspace = Workspace.open(folder)) {
            new Seeder().addMissing(workspace.database());
            assertThat(workspace.catalog().sites()).hasSize(14);
            assertThat(workspace.catalog().site("bipt")).isEmpty();
        }
    }

    @Test
    void aMissingSeededSiteIsAddedBackOnTheNextStart() {
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.database().write(tx -> {
                tx.update("DELETE FROM site_theme WHERE site_id = ?", Seeder.siteId("mediawijs"));
                tx.update("DELETE FROM site_fact WHERE site_id = ?", Seeder.siteId("mediawijs"));
                tx.update("DELETE FROM app_setting");
                return tx.update("DELETE FROM site WHERE slug = ?", "mediawijs");
            });
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.catalog().site("mediawijs")).hasValueSatisfying(site ->
                    assertThat(site.themes()).extracting("code").containsExactly("digital-inclusion", "media-literacy"));
        }
    }

    @Test
    void aSecondProcessOnTheSameFolderGetsAClearErrorAndTheFileStaysReadable() throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            Processes.Result second = Processes.run(Main.class, "--db", folder.toString(), "--lang", "en", "sites");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("Rihla is already open on the data folder " + folder)
                    .doesNotContain("Exception");
            assertThat(workspace.catalog().sites()).hasSize(15);
        }
        Processes.Result afterwards = Processes.run(Main.class, "--db", folder.toString(), "sites", "--json");
        assertThat(afterwards.exitCode()).isZero();
        assertThat(afterwards.out()).contains("\"slug\" : \"port-of-antwerp-bruges\"");
    }

    /** A database tool (here H2's JDBC driver in this process) holding the file: it says so, not "Rihla is open". */
    @Test
    void aDatabaseHeldOpenByAnotherProgramIsRefusedInWordsThatSayWhoHasIt() throws Exception {
        Workspace.open(folder).close();
        try (java.sql.Connection tool = java.sql.DriverManager.getConnection(
                "jdbc:h2:" + folder.toAbsolutePath().resolve("rihla"), "rihla", "")) {
            Processes.Result refused = Processes.run(Main.class, "--db", folder.toString(), "--lang", "fr", "sites");
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("Un autre programme a ouvert la base de données du dossier de données "
                    + folder).doesNotContain("Rihla est déjà ouvert").doesNotContain("Exception");
            assertThat(tool.isValid(1)).isTrue();
        }
        Processes.Result afterwards = Processes.run(Main.class, "--db", folder.toString(), "sites", "--json");
        assertThat(afterwards.exitCode()).isZero();
    }

    @Test
    void aDatabaseFromANewerVersionIsRefusedAndLeftAlone() {
        try (Workspace workspace = Workspace.open(folder)) {
            workspace.database().write(tx -> tx.update("""
                    INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script",
                        "checksum", "installed_by", "execution_time", "success")
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, TRUE)"""));
        }
        assertThatThrownBy(() -> Database.open(folder))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NEWER_VERSION));
        // Still the same data, and still openable by the version that wrote it (simulated by removing the row).
        try (Database database = openIgnoringFuture()) {
            long sites = database.read(tx -> tx.count("SELECT COUNT(*) FROM site"));
            assertThat(sites).isEqualTo(15);
        }
    }

    private Database openIgnoringFuture() {
        // Reach the file without Flyway to undo the simulated newer migration, then open normally.
        try (var connection = java.sql.DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("rihla"), "rihla", "")) {
            connection.createStatement().execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '99'");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return Database.open(folder);
    }

    @Test
    void anOlderDatabaseIsBackedUpThenMigratedKeepingItsData() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("rihla");
        org.flywaydb.core.Flyway.configure().dataSource(url, "rihla", "")
                .locations("classpath:ma/etamkeen/rihla/db/migration").target("1").load().migrate();
        String asa = Seeder.siteId("asa").toString();
        try (var connection = java.sql.DriverManager.getConnection(url, "rihla", "");
             var statement = connection.createStatement()) {
            statement.execute("INSERT INTO visit (id, code, created_at, updated_at, updated_by)"
                    + " VALUES (RANDOM_UUID(), 'old', NOW(), NOW(), 'v1')");
            statement.execute("INSERT INTO site (id, visit_id, slug, level, created_at, updated_at, updated_by)"
                    + " SELECT '" + asa + "', id, 'asa', 'federal', NOW(), NOW(), 'v1' FROM visit");
            statement.execute("INSERT INTO note (id, site_id, body, created_at, updated_at, updated_by)"
                    + " VALUES (RANDOM_UUID(), '" + asa + "', 'written with version 1', NOW(), NOW(), 'v1')");
        }
        try (Workspace workspace = Workspace.open(folder)) {
            assertThat(workspace.notes().forSite(Seeder.siteId("asa")))
                    .extracting(ma.etamkeen.rihla.model.Note::body).containsExactly("written with version 1");
            assertThat(workspace.backups().list()).extracting(ma.etamkeen.rihla.service.BackupService.Backup::reason).contains("before-migration");
            assertThat(workspace.catalog().sites()).hasSize(15);
        }
    }

    @Test
    void aFolderThatCannotBeCreatedGivesANotWritableError() throws Exception {
        Path file = folder.resolve("a-file");
        java.nio.file.Files.writeString(file, "not a folder");
        assertThatThrownBy(() -> Database.open(file.resolve("data")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_WRITABLE));
    }
}
