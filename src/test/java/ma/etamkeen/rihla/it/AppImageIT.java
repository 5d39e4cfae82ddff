package ma.etamkeen.rihla.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image as delegates get it: built by installer/build.sh (jlink runtime, jpackage launcher) with
 * the JDK named by {@code RIHLA_JLINK_JDK}, else a Temurin 25 found in /usr/lib/jvm (as on this project's
 * machines), else the JDK running the build; then its own launcher run, with its own runtime, from outside the
 * project. With JDK 25 the image carries an ahead-of-time cache (JEP 483/514), checked from a copy of the image
 * in another folder, as an installer puts it.
 */
@EnabledOnOs(OS.LINUX)
class AppImageIT {
    private static final Path LAUNCHER = Path.of("target", "installer", "Rihla", "bin", "Rihla");

    @TempDir
    Path folder;

    /** The JDK the image is built with: RIHLA_JLINK_JDK, else a Temurin 25 in /usr/lib/jvm, else none (the default). */
    static Optional<Path> jlinkJdk() throws IOException {
        String named = System.getenv("RIHLA_JLINK_JDK");
        if (named != null && !named.isBlank()) {
            return Optional.of(Path.of(named));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (var found = Files.list(jvms)) {
            return found.filter(jdk -> jdk.getFileName().toString().startsWith("temurin-25")
                    && Files.isExecutable(jdk.resolve("bin").resolve("jlink"))).sorted().findFirst();
        }
    }

    @BeforeAll
    static void build() throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "installer/build.sh", "app-image").inheritIO();
        jlinkJdk().ifPresent(jdk -> builder.environment().put("RIHLA_JLINK_JDK", jdk.toString()));
        Process process = builder.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("installer/build.sh app-image").isZero();
    }

    private String[] run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(folder.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(process.exitValue()), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8)};
    }

    @Test
    void theLauncherListsTheSitesWithItsOwnRuntimeAndWritesNothingIntoTheImage() throws Exception {
        Path data = folder.resolve("data");
        String[] run = run("--db", data.toString(), "sites", "--json");
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        JsonNode sites = new ObjectMapper().readTree(run[1]);
        assertThat(sites.size()).isEqualTo(15);
        assertThat(sites.findValuesAsText("slug")).contains("port-of-antwerp-bruges", "easy-brussels");
        assertThat(run[2]).as("nothing on stderr: no JVM or CDS warnings").isEmpty();
        assertThat(data.resolve("rihla.mv.db")).isRegularFile();
        try (var files = Files.walk(LAUNCHER.getParent().getParent())) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".mv.db"));
        }
        String[] unknown = run("--db", data.toString(), "--lang", "fr", "nonsense");
        assertThat(unknown[0]).isEqualTo("2");
        assertThat(unknown[2]).contains("Commande inconnue : nonsense");
    }

    /**
     * From a copy of the image in another folder: the JVM maps the ahead-of-time cache ({@code -XX:AOTMode=on}
     * refuses to start otherwise) for the launcher's own class path, the window starts with a clean stderr and
     * without unpacking JavaFX's native libraries into the home folder, and a cache that does not match is passed
     * over silently.
     */
    @Test
    void aCopyElsewhereUsesItsAheadOfTimeCacheAndTheWindowStartsWithACleanStderr() throws Exception {
        Path image = LAUNCHER.getParent().getParent();
        String release = Files.readString(image.resolve("lib").resolve("runtime").resolve("release"));
        java.util.regex.Matcher major = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        assumeTrue(major.find() && Integer.parseInt(major.group(1)) >= 25,
                "the image was built without a JDK 25 (set RIHLA_JLINK_JDK): no ahead-of-time cache to check");
        assertThat(image.resolve("lib").resolve("app").resolve("rihla.aot")).as("trained at build time").isRegularFile();
        Path copy = imageCopiedTo(folder.resolve("opt").resolve("rihla"));
        Path app = copy.resolve("lib").resolve("app");
        String classPath = Files.readAllLines(app.resolve("Rihla.cfg")).stream()
                .filter(line -> line.startsWith("app.classpath="))
                .map(line -> line.substring("app.classpath=".length()).replace("$APPDIR", app.toString()))
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
        Path data = folder.resolve("data");
        String[] mapped = run(List.of(copy.resolve("lib/runtime/bin/java").toString(),
                "-XX:AOTCache=" + app.resolve("rihla.aot"), "-XX:AOTMode=on", "--enable-native-access=ALL-UNNAMED",
                "-cp", classPath, "ma.etamkeen.rihla.Main", "--db", data.toString(), "sites", "--json"), Map.of());
        assertThat(mapped[0]).as("the cache maps from the copy: %s", mapped[2]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(mapped[1]).size()).isEqualTo(15);

        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")), "no xvfb-run to show the window on");
        Path home = Files.createDirectories(folder.resolve("home"));  // the JVM's user.home is not read from $HOME
        String[] window = run(List.of("xvfb-run", "-a", copy.resolve("bin").resolve("Rihla").toString(), "--db",
                data.toString(), "--lang", "ar"), Map.of("JAVA_TOOL_OPTIONS",
                "-Drihla.exitWhenReady=true -Duser.home=" + home));
        assertThat(window[0]).as(window[2]).isEqualTo("0");
        assertThat(window[1]).contains("rihla: window populated");
        assertThat(window[2].lines().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS")))
                .as("nothing on stderr but the JVM's note of the option this test passes").isEmpty();
        assertThat(home.resolve(".openjfx")).as("JavaFX's native libraries are loaded from the image, not unpacked")
                .doesNotExist();

        Files.write(app.resolve("rihla.aot"), new byte[4096]);  // a cache that does not match: started without it
        String[] fallback = run(List.of(copy.resolve("bin").resolve("Rihla").toString(), "--db", data.toString(),
                "sites", "--json"), Map.of());
        assertThat(fallback[0]).isEqualTo("0");
        assertThat(fallback[2]).as("falls back silently").isEmpty();
    }

    /** Backups are zip files, read and written through the JDK's zip file system: the image's runtime has it. */
    @Test
    void theLauncherMakesABackupAndRestoresItWithItsOwnRuntime() throws Exception {
        Path data = folder.resolve("data");
        String[] backup = run("--db", data.toString(), "backup");
        assertThat(backup[0]).as(backup[2]).isEqualTo("0");
        assertThat(backup[2]).isEmpty();
        Path zip;
        try (var files = Files.list(data.resolve("backups"))) {
            zip = files.filter(file -> file.getFileName().toString().endsWith("-manual.zip")).findFirst().orElseThrow();
        }
        assertThat(run("--db", data.toString(), "backup", "--list")[1]).contains(zip.toString(), "verified");
        String[] restore = run("--db", data.toString(), "restore", zip.toString());
        assertThat(restore[0]).as(restore[2]).isEqualTo("0");
        String[] sites = run("--db", data.toString(), "sites", "--json");
        assertThat(new ObjectMapper().readTree(sites[1]).size()).isEqualTo(15);
    }

    /**
     * jpackage's own Linux launcher asks rpm and dpkg which package owns it at every start (about 150 ms before
     * the JVM starts): the image's launcher asks no package manager, and works from a folder with a space.
     */
    @Test
    void theLauncherAsksNoPackageManagerAndStartsFromAFolderWithASpace() throws Exception {
        Path launcher = imageCopiedTo(folder.resolve("Rihla apps").resolve("rihla")).resolve("bin").resolve("Rihla");
        Path spies = Files.createDirectories(folder.resolve("spies"));
        for (String manager : List.of("rpm", "dpkg")) {
            Path spy = spies.resolve(manager);
            Files.writeString(spy, "#!/bin/sh\necho \"$0 $*\" >> '" + spies.resolve("asked") + "'\nexit 1\n");
            assertThat(spy.toFile().setExecutable(true)).isTrue();
        }
        assertListsTheSitesCleanly(run(List.of(launcher.toString(), "--db", folder.resolve("data").toString(), "sites",
                "--json"), Map.of("PATH", spies + ":" + System.getenv("PATH"))));
        assertThat(spies.resolve("asked")).as("a package manager was asked").doesNotExist();
    }

    /**
     * The launcher finds the image it belongs to without asking readlink when started by its plain full path, and
     * still finds it when started through a link to it (as from {@code /usr/local/bin}) or to its folder, by a
     * relative path, or by a path with "//" (a PATH entry ending in "/").
     */
    @Test
    void theLauncherStartsThroughALinkAndByARelativePath() throws Exception {
        Path bin = imageCopiedTo(folder.resolve("apps").resolve("rihla")).resolve("bin");
        Path launcher = bin.resolve("Rihla");
        Path links = Files.createDirectories(folder.resolve("links"));
        List<String> ways = List.of(Files.createSymbolicLink(links.resolve("rihla"), launcher).toString(),
                Files.createSymbolicLink(links.resolve("bin"), bin).resolve("Rihla").toString(),
                folder.relativize(launcher).toString(), bin + "//Rihla");
        for (String way : ways) {
            assertListsTheSitesCleanly(run(List.of(way, "--db", folder.resolve("data").toString(), "sites", "--json"),
                    Map.of()));
        }
    }

    /**
     * Under a locale that is not UTF-8 (LC_ALL=C), or one named but not installed here, or both (LC_ALL=C over a LANG
     * not installed, as an ssh session may pass it), the launcher still starts from a folder whose name is Arabic and
     * opens a data folder whose name is Arabic: before, the JVM could not load its classes from there.
     */
    @ParameterizedTest
    @ValueSource(strings = {"LC_ALL=C", "LANG=ar_MA.UTF-8", "LC_ALL=C LANG=ar_MA.UTF-8"})
    void theLauncherStartsFromAnArabicFolderUnderAnyLocale(String locale) throws Exception {
        Path launcher = imageCopiedTo(folder.resolve("رحلة").resolve("rihla")).resolve("bin").resolve("Rihla");
        Path data = folder.resolve("دفتر الزيارة");
        List<String> command = new ArrayList<>(List.of("env", "-u", "LC_ALL"));
        command.addAll(List.of(locale.split(" ")));
        command.addAll(List.of(launcher.toString(), "--db", data.toString(), "sites", "--json"));
        assertListsTheSitesCleanly(run(command, Map.of()));
        assertThat(data.resolve("rihla.mv.db")).exists();
    }

    /** Copies the app image to {@code copy} (as a user or a package may put it elsewhere) and returns {@code copy}. */
    private static Path imageCopiedTo(Path copy) throws Exception {
        Files.createDirectories(copy.getParent());
        assertThat(new ProcessBuilder("cp", "-a", LAUNCHER.getParent().getParent().toString(), copy.toString())
                .start().waitFor()).isZero();
        return copy;
    }

    /** {@code sites --json} answered with the 15 sites, exit 0 and nothing on stderr. */
    private static void assertListsTheSitesCleanly(String[] run) throws Exception {
        assertThat(run[0]).as(run[2]).isEqualTo("0");
        assertThat(new ObjectMapper().readTree(run[1]).size()).isEqualTo(15);
        assertThat(run[2]).isEmpty();
    }

    private String[] run(List<String> command, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return process.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String[] {String.valueOf(process.exitValue()), new String(out, StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8)};
    }

    @Test
    void theRuntimeHoldsOnlyWhatTheAppNeeds() throws Exception {
        Path runtime = LAUNCHER.getParent().getParent().resolve("lib").resolve("runtime");
        String modules = Files.readString(runtime.resolve("release"));
        assertThat(modules).contains("java.sql", "jdk.localedata", "java.desktop", "jdk.zipfs").doesNotContain("jdk.compiler",
                "java.net.http", "jdk.jshell");
        assertThat(runtime.resolve("include")).doesNotExist();  // --no-header-files
        assertThat(runtime.resolve("man")).doesNotExist();      // --no-man-pages
    }
}
