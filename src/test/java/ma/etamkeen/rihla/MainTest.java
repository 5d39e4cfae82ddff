package ma.etamkeen.rihla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Starting the desktop app where it cannot show a window. */
class MainTest {
    @TempDir
    Path folder;

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutADisplayTheWindowSaysSoInTheUsersLanguageAndPointsToTheCommandLine() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--db", folder.resolve("data").toString(), "--lang", "fr"));
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(err.strip()).isEqualTo("La fenêtre de Rihla a besoin d'un écran graphique, et aucun n'a été trouvé"
                + " (DISPLAY n'est pas défini ou ne peut pas être ouvert). La ligne de commande fonctionne sans :"
                + " rihla --help");
        assertThat(out).isEmpty();
    }
}
