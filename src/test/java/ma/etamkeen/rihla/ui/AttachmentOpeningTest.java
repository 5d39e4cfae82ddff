package ma.etamkeen.rihla.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.ManualTimer;
import ma.etamkeen.rihla.testing.Stores;
import ma.etamkeen.rihla.ui.attachments.AttachmentsViewModel;
import ma.etamkeen.rihla.ui.common.Background;
import ma.etamkeen.rihla.ui.common.UiLanguage;
import ma.etamkeen.rihla.ui.common.WindowContext;

/**
 * Opening an attachment: a file that runs code, or is not what it says, is never handed to the system's opener
 * (here a recorder) without a question naming its real name and type; a photo or a PDF opens at once.
 */
class AttachmentOpeningTest {
    @TempDir
    Path folder;
    private WindowContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.background().close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "rapport.pdf, %PDF-1.4 rapport, false, ",
            "photo.png, PNG, false, ",
            "lanceur.desktop, [Desktop Entry], true, .desktop",
            "installer.sh, #!/bin/sh, true, .sh",
            "outil.jar, PK, true, .jar",
            "setup.exe, MZ, true, .exe",
            "page.html, <script>, true, .html",
            "report\u202Efdp.exe, MZ, true, reportfdp.exe",
            "faux.pdf, MZ, true, application/pdf"})
    void riskyFilesAreOpenedOnlyAfterAQuestionNamingThem(String name, String content, boolean asks, String named)
            throws Exception {
        Path file = Files.createDirectories(folder.resolve("files")).resolve(name.replace("\u202E", "_"));
        byte[] bytes = name.equals("photo.png") ? new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}
                : content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(file, bytes);
        Attachment attachment;
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            attachment = workspace.attachments().attach(Stores.SITE, null, null, file, null);
        }
        if (name.contains("\u202E")) {  // as a package would bring it: the name with its bidi trick
            attachment = new Attachment(attachment.id(), attachment.siteId(), null, null, name, "application/pdf",
                    attachment.sizeBytes(), attachment.sha256(), null, false, attachment.createdAt());
        }
        context = new WindowContext(new UiLanguage(Language.EN), Background.sameThread(Workspace.open(folder.resolve("data"))),
                new ManualTimer());
        AttachmentsViewModel attachments = new AttachmentsViewModel(context);
        List<Path> opened = new ArrayList<>();
        List<String> questions = new ArrayList<>();

        attachments.open(attachment, opened::add, question -> {
            questions.add(question);
            return false;  // No, the default
        });
        if (asks) {
            assertThat(questions).singleElement().satisfies(question -> assertThat(question).contains(named));
            assertThat(opened).as("not opened after No").isEmpty();
            attachments.open(attachment, opened::add, question -> true);
        } else {
            assertThat(questions).isEmpty();
        }
        assertThat(opened).singleElement().satisfies(path -> assertThat(Files.readAllBytes(path)).isEqualTo(bytes));
    }
}
