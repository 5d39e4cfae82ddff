package ma.etamkeen.rihla.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the user's data lives: {@code --db DIR}, else {@code RIHLA_HOME}, else the OS convention.
 * Never the install folder, so uninstalling or upgrading leaves the data in place.
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path resolve(Optional<Path> option, Map<String, String> env, String osName, Path userHome) {
        if (option.isPresent()) {
            return option.get().toAbsolutePath().normalize();
        }
        String home = env.get("RIHLA_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : userHome.resolve("AppData/Roaming");
            return base.resolve("Rihla");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library/Application Support/Rihla");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local/share");
        return base.resolve("rihla");
    }

    /** The data folder of this process. */
    public static Path resolve(Optional<Path> option) {
        return resolve(option, System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }
}
