package ma.etamkeen.rihla.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DataFolderTest {
    private static final Path HOME = Path.of("/home/amina");

    @Test
    void theDbOptionWinsOverEverything() {
        assertThat(DataFolder.resolve(Optional.of(Path.of("/data/rihla")), Map.of("RIHLA_HOME", "/elsewhere"), "Linux", HOME))
                .isEqualTo(Path.of("/data/rihla"));
    }

    @Test
    void rihlaHomeComesNext() {
        assertThat(DataFolder.resolve(Optional.empty(), Map.of("RIHLA_HOME", "/srv/rihla"), "Linux", HOME))
                .isEqualTo(Path.of("/srv/rihla"));
    }

    @Test
    void linuxFollowsXdgWithAFallbackInTheHomeFolder() {
        assertThat(DataFolder.resolve(Optional.empty(), Map.of("XDG_DATA_HOME", "/xdg"), "Linux", HOME))
                .isEqualTo(Path.of("/xdg/rihla"));
        assertThat(DataFolder.resolve(Optional.empty(), Map.of(), "Linux", HOME))
                .isEqualTo(HOME.resolve(".local/share/rihla"));
    }

    @Test
    void windowsUsesAppDataAndMacOsApplicationSupport() {
        assertThat(DataFolder.resolve(Optional.empty(), Map.of("APPDATA", "/c/Users/amina/AppData/Roaming"), "Windows 11", HOME))
                .isEqualTo(Path.of("/c/Users/amina/AppData/Roaming/Rihla"));
        assertThat(DataFolder.resolve(Optional.empty(), Map.of(), "Mac OS X", HOME))
                .isEqualTo(HOME.resolve("Library/Application Support/Rihla"));
    }
}
