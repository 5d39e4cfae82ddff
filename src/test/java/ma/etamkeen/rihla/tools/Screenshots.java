package ma.etamkeen.rihla.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;

import org.testfx.util.WaitForAsyncUtils;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.testing.AppRunner;
import ma.etamkeen.rihla.testing.DemoData;
import ma.etamkeen.rihla.testing.Laptops;
import ma.etamkeen.rihla.testing.Png;
import ma.etamkeen.rihla.ui.practices.PracticesViewModel;

/**
 * Saves PNG screenshots of the real window, for looking at. Run under a display (e.g. xvfb-run):
 * {@code Screenshots OUT_DIR LANG [SITE_NAME [TAB_INDEX | MENU_KEY ...]]}: one picture per tab index given
 * (0 overview, 1 notes, 2 lessons, 3 ideas, 4 attachments, 5 trash) or per menu item that opens a dialog
 * (e.g. menu.edit.people), or {@code practices[:THEME_CODE]} (the practices page, a theme ticked), or
 * {@code search:QUERY} (the results of a search), on a data folder with demo entries; {@code import} as the
 * site shows the import preview of a package with a conflict, {@code import-site} one whose site both laptops changed, {@code damaged} the choice a damaged store asks for;
 * {@code visits} adds a second visit and opens the visit chooser; {@code board} shows the progress board, {@code charts} the charts page; {@code missing} removes the file of a photo
 * from the data folder's blobs and opens it from the attachments tab; {@code restore} opens the backups and asks to
 * restore the newest.
 * Not part of the test suite.
 */
public final class Screenshots {
    private Screenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String language = args[1];
        Files.createDirectories(out);
        Path data = Files.createTempDirectory("rihla-shot");
        if (args.length > 2 && args[2].equals("import")) {
            // The preview of a package that conflicts with one of this laptop's notes, opened with the app.
            Path pkg = Laptops.conflictingPackage(Files.createTempDirectory("rihla-amina"), data,
                    Files.createTempDirectory("rihla-packages"));
            shootPreview(data, language, pkg, out.resolve("import-" + language + ".png"), false, 1);
        }
        if (args.length > 2 && args[2].equals("import-site")) {
            // The preview of a package whose site both laptops changed (the level there, the summary here).
            Path pkg = Laptops.siteConflictPackage(Files.createTempDirectory("rihla-amina"), data,
                    Files.createTempDirectory("rihla-packages"));
            shootPreview(data, language, pkg, out.resolve("import-site-" + language + ".png"), false, 0);
        }
        if (args.length > 2 && args[2].equals("unsigned")) {
            // Amina's package with its signature taken out, as a sender posing as her would send it.
            Path signed = Laptops.conflictingPackage(Files.createTempDirectory("rihla-amina"), data,
                    Files.createTempDirectory("rihla-packages"));
            Path pkg = signed.resolveSibling("amina-unsigned.rihla");
            try (var in = new java.util.zip.ZipFile(signed.toFile());
                 var copy = new java.util.zip.ZipOutputStream(Files.newOutputStream(pkg))) {
                for (var entry : java.util.Collections.list(in.entries())) {
                    if (!entry.getName().equals("signature.json")) {
                        copy.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                        copy.write(in.getInputStream(entry).readAllBytes());
                        copy.closeEntry();
                    }
                }
            }
            shootPreview(data, language, pkg, out.resolve("unsigned-" + language + ".png"), false, 1);
        }
        if (args.length > 2 && args[2].equals("deletions")) {
            // A package that would delete 12 of this laptop's notes: the preview, then the confirmation it asks.
            Path pkg = Laptops.deletingPackage(data, Files.createTempDirectory("rihla-youssef"),
                    Files.createTempDirectory("rihla-packages"), 12);
            shootPreview(data, language, pkg, out.resolve("deletions-" + language + ".png"), true, 1);
        }
        if (args.length > 2 && args[2].equals("rewritten")) {
            // Youssef's package that changes one of Amina's notes: the entry-by-entry list, that change flagged.
            Path pkg = Laptops.rewritingPackage(data, Files.createTempDirectory("rihla-youssef"),
                    Files.createTempDirectory("rihla-packages"));
            shootPreview(data, language, pkg, out.resolve("rewritten-" + language + ".png"), false, 1);
        }
        if (args.length > 2 && args[2].equals("damaged")) {
            // The choice a damaged store asks for: demo entries, a backup of them, then the file cut short.
            DemoData.fill(data);
            try (ma.etamkeen.rihla.service.Workspace workspace = ma.etamkeen.rihla.service.Workspace.open(data)) {
                workspace.backups().backUpNow();
            }
            try (var file = new java.io.RandomAccessFile(data.resolve("rihla.mv.db").toFile(), "rw")) {
                file.setLength(4096);
            }
            try (AppRunner app = AppRunner.startDamaged(data, language)) {
                app.robot().interact(() -> {
                    app.stage().setWidth(1280);
                    app.stage().setHeight(820);
                });
                settle();
                Thread.sleep(500);
                shoot(app, out.resolve("damaged-" + language + ".png"));
            }
            System.exit(0);
        }
        DemoData.fill(data);
        if (java.util.Arrays.asList(args).contains("pasted")) {  // notes as delegates paste them
            try (ma.etamkeen.rihla.service.Workspace workspace = ma.etamkeen.rihla.service.Workspace.open(data)) {
                for (String body : java.util.List.of("اجتماع مع FPS BOSA و Smals حول eID\nالموعد 2022-09-27 والهاتف +32 2 123 45 67",
                        "La transfor\u00ADmation numé\u00ADrique de l'adminis\u00ADtration 👍 ✓ ★★★ 🇲🇦",
                        "مدرسۀ کدنویسی و کتابخانہ", "x".repeat(76) + "👨‍👩‍👧 titre coupé au bon endroit")) {
                    workspace.notes().save(new ma.etamkeen.rihla.model.Note(java.util.UUID.randomUUID(),
                            ma.etamkeen.rihla.store.Seeder.siteId("easy-brussels"), null, java.time.LocalDate.of(2022, 9, 28),
                            body, null));
                }
            }
        }
        if (java.util.Arrays.asList(args).contains("missing")) {  // the whiteboard photo's file gone from blobs/
            try (ma.etamkeen.rihla.service.Workspace workspace = ma.etamkeen.rihla.service.Workspace.open(data)) {
                for (var attachment : workspace.attachments().forSite(ma.etamkeen.rihla.store.Seeder.siteId("easy-brussels"))) {
                    if (attachment.mediaType().startsWith("image/")) {
                        Files.delete(workspace.database().blobs().path(attachment.sha256()));
                    }
                }
            }
        }
        if (java.util.Arrays.asList(args).contains("sync")) {  // a folder hub, and a conflict with Youssef waiting
            Path hub = Files.createTempDirectory("rihla-usb-stick");
            ma.etamkeen.rihla.service.HubAddress address = ma.etamkeen.rihla.service.HubAddress.folder(hub);
            try (var mine = ma.etamkeen.rihla.service.Workspace.open(data);
                 var his = ma.etamkeen.rihla.service.Workspace.open(Files.createTempDirectory("rihla-youssef"))) {
                var youssef = his.people().save(new ma.etamkeen.rihla.model.Delegate(java.util.UUID.randomUUID(),
                        "Youssef Benali", null));
                his.identity().setMe(youssef.id());
                mine.sync().setHub(address);
                mine.sync().sync(address, null);
                his.sync().sync(address, null);
                var site = ma.etamkeen.rihla.store.Seeder.siteId("easy-brussels");
                var note = mine.notes().forSite(site).get(0);
                mine.notes().save(note.withBody(language.equals("ar")
                        ? "نقطة الاتصال الوحيدة: ملف واحد لكل مرتفق، كما عرضته easy.brussels."
                        : "Guichet unique : un seul dossier par usager, comme easy.brussels l'a présenté."));
                his.notes().save(his.notes().forSite(site).stream().filter(n -> n.id().equals(note.id())).findFirst()
                        .orElseThrow().withBody(language.equals("ar")
                                ? "الشباك الوحيد: يطبّق مبدأ «مرة واحدة فقط» بنصّ قانوني منذ 2020."
                                : "Guichet unique : le « Once Only » inscrit dans une ordonnance de 2020."));
                his.notes().save(new ma.etamkeen.rihla.model.Note(java.util.UUID.randomUUID(), site, null,
                        java.time.LocalDate.of(2022, 9, 27), "BeCode : former des développeurs en 7 mois.", null));
                his.sync().sync(address, null);
                mine.sync().sync(address, null);
            }
        }
        if (java.util.Arrays.asList(args).contains("restore")) {  // a backup to restore
            try (ma.etamkeen.rihla.service.Workspace workspace = ma.etamkeen.rihla.service.Workspace.open(data)) {
                workspace.backups().backUpNow();
            }
        }
        if (java.util.Arrays.asList(args).contains("visits")) {
            try (ma.etamkeen.rihla.service.Workspace workspace = ma.etamkeen.rihla.service.Workspace.open(data)) {
                workspace.knowledge().saveVisit(secondVisit());
            }
        }
        try (AppRunner app = AppRunner.start(data, language)) {
            app.robot().interact(() -> {
                app.stage().setWidth(1280);
                app.stage().setHeight(820);
            });
            WaitForAsyncUtils.waitForFxEvents();
            if (args.length > 2) {
                app.clickSite(args[2]);
            }
            if (args.length <= 3) {
                shoot(app, out.resolve("main-" + language + ".png"));
            }
            for (int i = 3; i < args.length; i++) {
                if (args[i].startsWith("search:")) {
                    String query = args[i].substring("search:".length());
                    app.robot().interact(() -> app.robot().lookup(".search-field").queryAs(TextField.class).setText(query));
                    settle();
                    shoot(app, out.resolve("search-" + language + ".png"));
                    continue;
                }
                if (args[i].equals("pasted") || args[i].equals("sync")) {
                    continue;  // the notes were written before the start
                }
                if (args[i].equals("missing")) {  // open the photo whose file is gone: the status bar says so
                    app.robot().interact(() -> app.robot().lookup(".site-tabs").queryAs(TabPane.class)
                            .getSelectionModel().select(4));
                    settle();
                    app.robot().interact(() -> app.robot().lookup(".attachments-list").queryAs(ListView.class)
                            .getSelectionModel().selectFirst());
                    settle();
                    app.robot().interact(() -> app.robot().lookup("#openButton").queryAs(javafx.scene.control.Button.class)
                            .fire());
                    settle();
                    Thread.sleep(500);
                    shoot(app, out.resolve("missing-" + language + ".png"));
                    continue;
                }
                if (args[i].equals("visits")) {
                    app.robot().interact(() -> app.robot().lookup(".visit-chooser").queryAs(ComboBox.class).show());
                    settle();
                    shoot(app, out.resolve("visits-" + language + ".png"));
                    continue;
                }
                if (args[i].equals("restore")) {  // the backups, the newest selected, and the question Restore asks
                    openMenuItem(app, language, "menu.file.backups");
                    app.robot().interact(() -> ((ListView<?>) app.robot().lookup("#restoreButton").queryButton().getScene()
                            .getRoot().lookup("#list")).getSelectionModel().selectFirst());
                    // Not through interact(): the question is a modal dialog, which would wait for it forever.
                    javafx.application.Platform.runLater(() -> app.robot().lookup("#restoreButton").queryButton().fire());
                    settle();
                    Thread.sleep(600);
                    shoot(app, out.resolve("restore-" + language + ".png"));
                    continue;
                }
                if (args[i].equals("board") || args[i].equals("charts")) {  // the progress board, the charts page
                    int page = args[i].equals("board") ? 2 : 3;
                    app.robot().interact(() -> app.robot().lookup(".page-button").nth(page).queryAs(ToggleButton.class).fire());
                    settle();
                    Thread.sleep(600);
                    shoot(app, out.resolve(args[i] + "-" + language + ".png"));
                    continue;
                }
                if (args[i].startsWith("practices")) {
                    String theme = args[i].contains(":") ? args[i].substring(args[i].indexOf(':') + 1) : null;
                    app.robot().interact(() -> app.robot().lookup(".page-button").nth(1).queryAs(ToggleButton.class).fire());
                    settle();
                    if (theme != null) {
                        app.robot().interact(() -> app.robot().lookup(".facet-values .check-box").queryAllAs(CheckBox.class)
                                .stream().filter(box -> box.getUserData() instanceof PracticesViewModel.FacetValue value
                                        && value.key().equals(theme)).findFirst().orElseThrow().fire());
                        settle();
                    }
                    shoot(app, out.resolve("practices-" + language + ".png"));
                    continue;
                }
                if (!args[i].matches("\\d+")) {
                    openMenuItem(app, language, args[i]);
                    shoot(app, out.resolve(args[i].replace('.', '-') + "-" + language + ".png"));
                    continue;
                }
                int tab = Integer.parseInt(args[i]);
                app.robot().interact(() -> app.robot().lookup(".site-tabs").queryAs(TabPane.class)
                        .getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(300);
                // Open the first entry of the tab, so the editor shows.
                app.robot().interact(() -> app.robot().lookup(".entries-list").queryAllAs(ListView.class).stream()
                        .filter(javafx.scene.Node::isVisible).filter(list -> list.getScene() != null
                                && list.localToScene(list.getBoundsInLocal()).getWidth() > 0
                                && list.getParent().getParent().getParent().isVisible())
                        .forEach(list -> list.getSelectionModel().selectFirst()));
                WaitForAsyncUtils.waitForFxEvents();
                Thread.sleep(400);
                WaitForAsyncUtils.waitForFxEvents();
                shoot(app, out.resolve("tab" + tab + "-" + language + ".png"));
            }
        }
        System.exit(0);
    }

    /** A second visit, as a coordinator would prepare the next one. */
    static ma.etamkeen.rihla.model.Visit secondVisit() {
        return new ma.etamkeen.rihla.model.Visit(null, "estonia-2025",
                new ma.etamkeen.rihla.model.Localized("زيارة دراسية إلى إستونيا — الحكومة الرقمية",
                        "Visite d'étude en Estonie — gouvernement numérique", "Study visit to Estonia — digital government"),
                "E-TAMKEEN", new ma.etamkeen.rihla.model.Localized("إستونيا", "Estonie", "Estonia"),
                new ma.etamkeen.rihla.model.Localized("تالين", "Tallinn", "Tallinn"), java.time.LocalDate.of(2025, 5, 12),
                java.time.LocalDate.of(2025, 5, 16), 12, 9, ma.etamkeen.rihla.model.Localized.EMPTY, java.util.List.of());
    }

    private static void settle() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fires the menu item with message key {@code key} (e.g. menu.edit.people) and waits for its dialog. */
    private static void openMenuItem(AppRunner app, String language, String key) throws Exception {
        String text = Messages.of(Language.fromCode(language).orElseThrow()).get(key);
        app.robot().interact(() -> app.robot().lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream()
                .flatMap(menu -> menu.getItems().stream()).filter(item -> text.equals(item.getText()))
                .findFirst().orElseThrow().fire());
        app.awaitDialog();
        settle();  // what the dialog loads in the background (a brief's page) is drawn
        Thread.sleep(1000);
    }

    /** The main window and, over it, any dialog that is open (each window is snapshotted where it stands). */
    /**
     * Starts the app on {@code data} with {@code pkg} as the file manager would, waits for its import preview and
     * shoots it into {@code file} (after pressing Import, when {@code importing}: the question it asks); exits.
     */
    /** @param scroll where the preview is scrolled to: 0 its top (the conflicts), 1 its end (the entry-by-entry list) */
    private static void shootPreview(Path data, String language, Path pkg, Path file, boolean importing, double scroll)
            throws Exception {
        try (AppRunner app = AppRunner.start(data, language, pkg.toString())) {
            app.robot().interact(() -> {
                app.stage().setWidth(1280);
                app.stage().setHeight(820);
            });
            app.awaitDialog();
            settle();
            Thread.sleep(1000);
            app.robot().interact(() -> app.robot().lookup(".import-preview").queryAs(javafx.scene.control.ScrollPane.class)
                    .setVvalue(scroll));
            settle();
            if (importing) {
                // Not through interact(): Import opens a modal dialog, which would wait for it forever.
                javafx.application.Platform.runLater(() -> app.robot().lookup("#importButton").queryButton().fire());
                settle();
                Thread.sleep(1000);
            }
            shoot(app, file);
        }
        System.exit(0);
    }

    private static void shoot(AppRunner app, Path file) throws Exception {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        app.robot().interact(() -> {
            Window main = app.stage();
            WritableImage base = main.getScene().snapshot(null);
            for (Window window : Window.getWindows()) {
                if (window != main && window.isShowing() && window.getScene() != null) {
                    WritableImage top = window.getScene().snapshot(null);
                    int x = (int) Math.max(0, window.getX() - main.getX());
                    int y = (int) Math.max(0, window.getY() - main.getY());
                    for (int row = 0; row < top.getHeight() && y + row < base.getHeight(); row++) {
                        for (int col = 0; col < top.getWidth() && x + col < base.getWidth(); col++) {
                            base.getPixelWriter().setArgb(x + col, y + row, top.getPixelReader().getArgb(col, row));
                        }
                    }
                }
            }
            image.set(base);
        });
        Png.write(image.get(), file);
        System.out.println("wrote " + file);
    }
}
