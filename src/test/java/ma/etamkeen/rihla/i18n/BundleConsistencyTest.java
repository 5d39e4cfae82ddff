package ma.etamkeen.rihla.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.Idea;

/** Every user-visible string exists, translated, in English, French and Arabic. */
class BundleConsistencyTest {
    private static final Path BUNDLES = Path.of("src/main/resources/ma/etamkeen/rihla/i18n");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    /** Texts that are rightly the same as in English: product names, words that are spelt alike. */
    /** The same in every language: formats, shortcuts, and language names written in their own language. */
    private static final Set<String> FORMATS = Set.of("sync.and-more", "list.separator", "attachments.detail", "backups.detail", "exchange.field-value", "practices.facet.value", "entry.new.tooltip",
            "language.ar", "language.fr", "language.en", "exchange.count", "damage.backup", "brief.footer.short", "field.in-language",
            "board.column", "charts.count", "plan.none", "report.toc-line");
    private static final Map<String, Set<String>> SAME_AS_ENGLISH = Map.of(
            "fr", Set.of("sync.settings.port", "charts.impact", "charts.effort", "plan.page", "app.title", "site.type", "level.local", "sites.count", "cli.sites.count", "dialog.ok",
                    "kind.site", "page.sites", "practices.column.date", "practices.column.site", "practices.facet.site",
                    "search.group.note", "search.group.site", "kind.note", "entry.date", "ideas.description",
                    "ideas.effort", "people.administration", "people.administrations", "kind.administration", "exchange.total", "site.tab.notes", "ideas.title", "lessons.title",
                    "field.administration_count", "field.administration_id", "field.code", "field.confirmations",
                    "field.description", "field.effort", "field.impact", "field.programme", "field.site_id",
                    "field.source", "field.sources", "field.type", "level.national", "visit.administrations"),
            "ar", Set.of());

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve("messages" + suffix + ".properties"),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void frenchAndArabicHaveExactlyTheEnglishKeys() throws IOException {
        Set<Object> english = load("").keySet();
        assertThat(load("_fr").keySet()).as("French").containsExactlyInAnyOrderElementsOf(english);
        assertThat(load("_ar").keySet()).as("Arabic").containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void nothingIsLeftInEnglishOutsideTheAllowList() throws IOException {
        Properties english = load("");
        for (String language : SAME_AS_ENGLISH.keySet()) {
            Properties translated = load("_" + language);
            Set<String> untranslated = new TreeSet<>();
            for (String key : english.stringPropertyNames()) {
                if (english.getProperty(key).equals(translated.getProperty(key)) && !FORMATS.contains(key)
                        && !SAME_AS_ENGLISH.get(language).contains(key)) {
                    untranslated.add(key);
                }
            }
            assertThat(untranslated).as("keys left in English in " + language).isEmpty();
        }
    }

    /**
     * No right-to-left mark (U+200F) nor Arabic letter mark (U+061C) in a message: JavaFX draws both as a box
     * over the character before them (in every font the app has), where a sentence shows in the window.
     */
    @Test
    void noMessageHoldsAMarkTheWindowDrawsAsABox() throws IOException {
        for (String suffix : new String[] {"", "_fr", "_ar"}) {
            Properties bundle = load(suffix);
            assertThat(bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).contains("\u200F")
                    || bundle.getProperty(key).contains("\u061C")).sorted().toList()).as("messages%s", suffix).isEmpty();
        }
    }

    /** Inside a choice whose branch holds a number, MessageFormat reads ' as a quote: "d'action" would lose it. */
    @Test
    void aChoiceWithANumberInsideUsesTheTypographicApostrophe() throws IOException {
        for (String suffix : new String[] {"", "_fr", "_ar"}) {
            Properties bundle = load(suffix);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.contains(",choice,") && text.contains("number")) {
                    assertThat(text).as(key + suffix).doesNotContain("'");
                }
            }
        }
        assertThat(ma.etamkeen.rihla.i18n.Messages.of(Language.FR).format("report.printed", "1 mai", 2, 2))
                .endsWith("2 plans d’action");
    }

    @Test
    void everyMessageFormatsAndKeepsTheEnglishPlaceholders() throws IOException {
        Properties english = load("");
        for (String suffix : new String[] {"", "_fr", "_ar"}) {
            Properties bundle = load(suffix);
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                assertThat(text).as(key + suffix).doesNotContain("''");
                new MessageFormat(text.replace("'", "''"));  // throws on a broken pattern
                assertThat(placeholders(text)).as("placeholders of " + key + suffix)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    void everyKeyTheCodeAndTheViewsUseExists() throws IOException {
        Set<Object> keys = load("").keySet();
        Set<String> used = new TreeSet<>();
        Pattern inJava = Pattern.compile("(?:get|format|UsageException|RejectedInput|Term|[A-Z_]+)\\(\\s*\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"");
        Pattern inFxml = Pattern.compile("\"%([a-z0-9.-]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                Pattern pattern = name.endsWith(".java") ? inJava : name.endsWith(".fxml") ? inFxml : null;
                if (pattern != null) {
                    Matcher matcher = pattern.matcher(Files.readString(file));
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                }
            }
        }
        // Keys the code builds from a prefix and a code.
        for (GovernmentLevel level : GovernmentLevel.values()) {
            used.add(level.messageKey());
        }
        for (ma.etamkeen.rihla.model.RecordKind<?> kind : ma.etamkeen.rihla.model.RecordKind.all()) {
            used.add(kind.messageKey());
        }
        for (String reason : new String[] {"good", "unverified", "damaged"}) {
            used.add("backups.state." + reason);
        }
        for (ma.etamkeen.rihla.store.Damage.Kind damage : ma.etamkeen.rihla.store.Damage.Kind.values()) {
            used.add(damage.messageKey());
        }
        for (ma.etamkeen.rihla.store.StoreException.Reason reason : ma.etamkeen.rihla.store.StoreException.Reason.values()) {
            used.add(reason.messageKey());
        }
        for (EntryKind kind : EntryKind.values()) {
            used.add("kind." + kind.code());
            if (kind != EntryKind.ATTACHMENT) {
                used.add("attachments.on-" + kind.code());
            }
        }
        for (Idea.Status status : Idea.Status.values()) {
            used.add("idea-status." + status.code());
        }
        for (Idea.Effort effort : Idea.Effort.values()) {
            used.add("effort." + effort.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (Idea.Impact impact : Idea.Impact.values()) {
            used.add("impact." + impact.code());
        }
        for (String reason : new String[] {"auto", "manual", "before-restore", "before-migration", "before-import",
                "before-recovery", "before-fresh-start"}) {
            used.add("backups.reason." + reason);
        }
        used.removeIf(key -> key.startsWith("ma.etamkeen") || key.startsWith("org.") || key.endsWith("-")
                || key.endsWith("."));
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }

    @Test
    void everyFieldOfEveryKindHasANameInEveryLanguage() {
        for (Language language : Language.values()) {
            ma.etamkeen.rihla.i18n.Messages messages = ma.etamkeen.rihla.i18n.Messages.of(language);
            for (ma.etamkeen.rihla.model.RecordKind<?> kind : ma.etamkeen.rihla.model.RecordKind.all()) {
                for (var field : kind.columns()) {
                    if (!field.name().equals("id") && !field.name().endsWith("_at")) {
                        assertThat(ma.etamkeen.rihla.service.Failures.fieldLabel(field.name(), messages))
                                .as("%s.%s in %s", kind, field.name(), language).isNotEqualTo(field.name());
                    }
                }
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
