package ma.etamkeen.rihla.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run as a user would: {@code java -jar target/rihla.jar ...}. */
class PackagedJarIT {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private Run rihla(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", "target/rihla.jar"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void sitesJsonPrintsFifteenSites() throws Exception {
        Run run = rihla("--db", folder.toString(), "sites", "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(new ObjectMapper().readTree(run.out()).size()).isEqualTo(15);
    }

    @Test
    void nonsenseExitsWithTwoAndTheUsage() throws Exception {
        Run run = rihla("--db", folder.toString(), "--lang", "en", "nonsense");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: rihla");
    }
}
