package ma.etamkeen.rihla.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Linux app image as delegates get it: built by installer/build.sh (jlink runtime, jpackage launcher),
 * then its own launcher run, with its own runtime, from outside the project.
 */
@EnabledOnOs(OS.LINUX)
class AppImageIT {
    private static final Path LAUNCHER = Path.of("target", "installer", "Rihla", "bin", "Rihla");

    @TempDir
    Path folder;

    @BeforeAll
    static void build() throws Exception {
        Process process = new ProcessBuilder("bash", "installer/build.sh", "app-image").inheritIO().start();
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

    @Test
    void theRuntimeHoldsOnlyWhatTheAppNeeds() throws Exception {
        Path runtime = LAUNCHER.getParent().getParent().resolve("lib").resolve("runtime");
        String modules = Files.readString(runtime.resolve("release"));
        assertThat(modules).contains("java.sql", "jdk.localedata", "java.desktop").doesNotContain("jdk.compiler",
                "java.net.http", "jdk.jshell");
        assertThat(runtime.resolve("include")).doesNotExist();  // --no-header-files
        assertThat(runtime.resolve("man")).doesNotExist();      // --no-man-pages
    }
}
