package ma.etamkeen.rihla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data folder's log: what is kept, in what form. */
class LogsTest {
    @TempDir
    Path folder;

    @Test
    void keepsWarningsWithTheirLocalTimeButNotJavaFxsNoteThatItRunsFromTheClassPath() throws Exception {
        Logs.install(folder);
        System.Logger javafx = System.getLogger("javafx");
        javafx.log(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1b2c3d4e'");
        javafx.log(System.Logger.Level.WARNING, "Could not resolve '-color-accent' while resolving lookups");
        Logger.getLogger("ma.etamkeen.rihla.store").warning("The database was suspected damaged but reads whole");
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            handler.flush();
        }

        String log = Files.readString(folder.resolve(Logs.FOLDER).resolve("rihla-0.log"));
        assertThat(log).doesNotContain("Unsupported JavaFX configuration")
                .contains("WARNING javafx: Could not resolve '-color-accent' while resolving lookups")
                .containsPattern("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARNING ma\\.etamkeen\\.rihla\\.store: "
                        + "The database was suspected damaged but reads whole");
    }
}
