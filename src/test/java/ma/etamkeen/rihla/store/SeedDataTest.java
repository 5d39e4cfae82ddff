package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.etamkeen.rihla.model.GovernmentLevel;

/** The built-in data says what the reference says (../shared/reference/visit-belgium-2022.md). */
class SeedDataTest {
    private static final List<String> SLUGS = List.of("port-of-antwerp-bruges", "becentral", "nid-namur", "becode",
            "molengeek", "nido", "asa", "ewbs", "easy-brussels", "fps-bosa", "digital-agency", "digitaal-vlaanderen",
            "bipt", "saint-josse-ten-noode", "mediawijs");
    private static final List<String> THEMES = List.of("simplification", "digital-services", "data-once-only",
            "digital-inclusion", "media-literacy", "digital-skills", "public-innovation", "smart-city",
            "port-logistics", "telecom-regulation");

    private final Seeder.SeedFile seed = new Seeder().parse();

    @Test
    void itHoldsTheFifteenSitesAndTenThemesOfTheReference() {
        assertThat(seed.sites()).extracting(Seeder.SeedSite::slug).containsExactlyElementsOf(SLUGS);
        assertThat(seed.themes()).extracting(Seeder.SeedTheme::code).containsExactlyElementsOf(THEMES);
        assertThat(seed.visit().startsOn()).hasToString("2022-09-25");
        assertThat(seed.visit().delegationSize()).isEqualTo(18);
        assertThat(seed.visit().administrationCount()).isEqualTo(14);
    }

    @Test
    void everySiteIsWrittenInThreeLanguagesWithThemesAndSources() {
        for (Seeder.SeedSite site : seed.sites()) {
            assertThat(List.of(site.name().ar(), site.name().fr(), site.name().en(), site.summary().ar(),
                    site.summary().fr(), site.summary().en(), site.city().ar(), site.type().ar()))
                    .as(site.slug()).doesNotContainNull();
            assertThat(site.themes()).as(site.slug()).isNotEmpty().allMatch(THEMES::contains);
            assertThat(site.facts()).as(site.slug()).isNotEmpty();
            assertThat(site.facts()).as(site.slug()).anySatisfy(fact -> assertThat(fact.source()).startsWith("http"));
            assertThat(GovernmentLevel.fromCode(site.level())).isNotNull();
        }
    }

    @Test
    void arabicTextIsArabicAndNamesFollowTheOriginalText() {
        Pattern arabicLetter = Pattern.compile("\\p{IsArabic}");
        for (Seeder.SeedSite site : seed.sites()) {
            assertThat(arabicLetter.matcher(site.summary().ar()).find()).as(site.slug()).isTrue();
        }
        assertThat(seed.sites().get(0).name().ar()).isEqualTo("ميناء أنتويرب");
    }

    @Test
    void theSchemaVersionConstantMatchesTheNewestMigrationSqlOrJava() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/ma/etamkeen/rihla/db/migration"))) {
            int newest = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(Math.max(newest, AttachmentBlobsMigration.VERSION));
            assertThat(Path.of("src/main/resources/ma/etamkeen/rihla/db/migration")).isDirectoryNotContaining(
                    "glob:**/V" + AttachmentBlobsMigration.VERSION + "__*");  // no version taken twice
            for (int version = 1; version <= Database.SCHEMA_VERSION; version++) {  // and none left out
                int v = version;
                try (Stream<Path> again = Files.list(Path.of("src/main/resources/ma/etamkeen/rihla/db/migration"))) {
                    assertThat(again.anyMatch(file -> file.getFileName().toString().startsWith("V" + v + "__"))
                            || v == AttachmentBlobsMigration.VERSION).as("migration %d", v).isTrue();
                }
            }
        }
    }
}
