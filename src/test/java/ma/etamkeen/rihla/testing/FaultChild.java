package ma.etamkeen.rihla.testing;

import java.nio.file.Path;
import java.util.Map;

import ma.etamkeen.rihla.brief.BriefOptions;
import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.service.BackupService;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.Workspace;

/**
 * The child of the fault suite: does one kind of file work on a data folder through the real services and
 * prints {@code begin} just before it and {@code end} just after, so the parent can kill it (SIGKILL) at a
 * random moment inside the work. {@code backup} and {@code briefs} repeat their work until killed.
 *
 * <pre>
 * FaultChild backup FOLDER | restore FOLDER BACKUP | open FOLDER | import FOLDER PACKAGE | briefs FOLDER OUT
 *            | compact FOLDER | attach FOLDER PHOTOS
 * </pre>
 */
public final class FaultChild {
    public static final String BEGIN = "begin";
    public static final String END = "end";

    private FaultChild() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[1]);
        switch (args[0]) {
            case "backup" -> {
                try (Workspace workspace = Workspace.open(folder)) {
                    while (true) {
                        say(BEGIN);
                        workspace.backups().backUpNow();
                        say(END);
                    }
                }
            }
            case "restore" -> {
                say(BEGIN);
                BackupService.restore(folder, Path.of(args[2]));
                say(END);
            }
            case "open" -> {  // a first start, or an upgrade migration
                say(BEGIN);
                Workspace.open(folder).close();
                say(END);
            }
            case "import" -> {
                try (Workspace workspace = Workspace.open(folder);
                     ExchangePackage pkg = workspace.exchange().read(Path.of(args[2]))) {
                    var plan = workspace.exchange().plan(pkg);
                    say(BEGIN);
                    workspace.exchange().apply(pkg, plan, Map.of(), ExchangeService.Progress.NONE, () -> false);
                    say(END);
                }
            }
            case "briefs" -> {
                try (Workspace workspace = Workspace.open(folder)) {
                    while (true) {
                        say(BEGIN);
                        workspace.briefs().writeAll(Path.of(args[2]), BriefOptions.all(Language.AR),
                                (done, total) -> { }, () -> false);
                        say(END);
                    }
                }
            }
            case "compact" -> {  // closing a store whose file grew compacts it (whatever its size, here)
                System.setProperty("rihla.compact.min-bytes", "0");
                ma.etamkeen.rihla.store.Database database = ma.etamkeen.rihla.store.Database.open(folder);
                say(BEGIN);
                database.close();
                say(END);
            }
            case "attach" -> {  // a new photo attached, now and then trashed and purged, then an automatic backup
                java.util.Random random = new java.util.Random();
                try (Workspace workspace = Workspace.open(folder)) {
                    for (int round = 0; ; round++) {
                        byte[] bytes = new byte[3 << 20];
                        random.nextBytes(bytes);
                        Path photo = Path.of(args[2]).resolve("photo-" + round + ".jpg");
                        java.nio.file.Files.write(photo, bytes);
                        say(BEGIN);
                        var attached = workspace.attachments().attach(Stores.SITE, null, null, photo, null);
                        if (random.nextBoolean()) {
                            workspace.trash().delete(ma.etamkeen.rihla.model.EntryKind.ATTACHMENT, attached.id());
                            workspace.trash().empty(java.util.Optional.empty());
                        }
                        workspace.backups().backUpIfChanged();  // removes the blobs nothing needs any more
                        say(END);
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
