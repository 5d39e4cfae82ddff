package ma.etamkeen.rihla;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.etamkeen.rihla.store.FolderLock;

/**
 * One Rihla per data folder: a {@code .rihla} package opened from the file manager while Rihla already runs on
 * that folder is handed to the running window, which shows its import preview, instead of starting a second
 * Rihla that would find the store locked. The hand-off is a small file in {@code <data folder>/inbox/} holding
 * the package's path, written under a temporary name and renamed; the running window looks there twice a second.
 */
public final class PackageInbox implements AutoCloseable {
    static final String FOLDER = "inbox";
    private static final String SUFFIX = ".open";
    /** How often the running window looks into the inbox, in ms. */
    private static final long EVERY_MS = 500;
    private static final Logger LOG = Logger.getLogger(PackageInbox.class.getName());

    private final ScheduledExecutorService looking;

    private PackageInbox(ScheduledExecutorService looking) {
        this.looking = looking;
    }

    /**
     * Hands {@code pkg} to the Rihla running on {@code dataFolder}, if one does.
     *
     * @return true when it was handed over (this process has nothing more to do), false when no Rihla holds the
     *         folder or the inbox cannot be written (this process opens the package itself)
     */
    public static boolean handOff(Path dataFolder, Path pkg) {
        if (!FolderLock.isHeld(dataFolder)) {
            return false;
        }
        try {
            Path inbox = Files.createDirectories(dataFolder.resolve(FOLDER));
            String id = UUID.randomUUID().toString();
            Path part = inbox.resolve(id + ".part");
            Files.writeString(part, pkg.toAbsolutePath().toString(), StandardCharsets.UTF_8);
            Files.move(part, inbox.resolve(id + SUFFIX), StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not hand " + pkg + " to the running Rihla", e);
            return false;
        }
    }

    /**
     * Starts looking into the inbox of {@code dataFolder}; each package handed over is given to {@code open}
     * (on the looking thread: hop to the JavaFX thread there) and its hand-off file removed.
     */
    public static PackageInbox watch(Path dataFolder, Consumer<Path> open) {
        ScheduledExecutorService looking = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rihla-package-inbox");
            thread.setDaemon(true);
            return thread;
        });
        Path inbox = dataFolder.resolve(FOLDER);
        looking.scheduleWithFixedDelay(() -> take(inbox, open), 0, EVERY_MS, TimeUnit.MILLISECONDS);
        return new PackageInbox(looking);
    }

    private static void take(Path inbox, Consumer<Path> open) {
        if (!Files.isDirectory(inbox)) {
            return;
        }
        try (DirectoryStream<Path> handed = Files.newDirectoryStream(inbox, "*" + SUFFIX)) {
            for (Path file : handed) {
                String pkg = Files.readString(file, StandardCharsets.UTF_8).strip();
                Files.delete(file);
                open.accept(Path.of(pkg));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Reading the package inbox", e);
        }
    }

    @Override
    public void close() {
        looking.shutdownNow();
    }
}
