package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.model.TrashItem;
import ma.etamkeen.rihla.store.Seeder;
import ma.etamkeen.rihla.store.TableDump;

/** Notes, lessons, ideas, attachments and the trash on a real store. */
class CaptureTest {
    private static final UUID PORT = Seeder.siteId("port-of-antwerp-bruges");
    private static final UUID EASY = Seeder.siteId("easy-brussels");

    @TempDir
    Path folder;
    @TempDir
    Path files;

    private Workspace workspace;

    @BeforeEach
    void open() {
        workspace = Workspace.open(folder);
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private Note note(UUID site, String body) {
        return new Note(UUID.randomUUID(), site, null, LocalDate.of(2022, 9, 28), body, null);
    }

    @Test
    void aNoteIsSavedUpdatedAndListedPerSite() {
        Note saved = workspace.notes().save(note(PORT, "Le jumeau numérique APICA — التوأم الرقمي للميناء"));
        workspace.notes().save(saved.withBody(saved.body() + "\nNxtPort partage les données."));
        workspace.notes().save(note(EASY, "Once-only"));
        List<Note> port = workspace.notes().forSite(PORT);
        assertThat(port).singleElement().satisfies(note -> {
            assertThat(note.body()).endsWith("NxtPort partage les données.").startsWith("Le jumeau");
            assertThat(note.notedOn()).isEqualTo(LocalDate.of(2022, 9, 28));
            assertThat(note.updatedAt()).isNotNull();
        });
    }

    @Test
    void aLessonNeedsATitleAndAnEmptyOneChangesNothing() {
        Map<String, List<String>> before = TableDump.of(workspace.database());
        Lesson untitled = new Lesson(UUID.randomUUID(), EASY, null, "   ", "observed", null, Set.of(), null);
        assertThatThrownBy(() -> workspace.lessons().save(untitled))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("input.title-required"));
        assertThat(TableDump.of(workspace.database())).isEqualTo(before);
    }

    @Test
    void aMegabyteOfPastedTextIsRefusedAndTheStoredNoteStaysAsItWas() {
        Note saved = workspace.notes().save(note(PORT, "short"));
        Map<String, List<String>> before = TableDump.of(workspace.database());
        String megabyte = "ب".repeat(1 << 20);
        assertThatThrownBy(() -> workspace.notes().save(saved.withBody(megabyte)))
                .isInstanceOfSatisfying(RejectedInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("input.text-too-long");
                    assertThat(e.args()).containsExactly(1 << 20, Limits.TEXT_CHARS);
                });
        assertThat(TableDump.of(workspace.database())).isEqualTo(before);
        assertThat(workspace.notes().forSite(PORT)).extracting(Note::body).containsExactly("short");
    }

    @Test
    void lessonsAndIdeasKeepTheirThemesTargetsAndLinks() {
        Lesson lesson = workspace.lessons().save(new Lesson(UUID.randomUUID(), EASY, null, "Once-only by law",
                "An ordinance forbids asking twice", "Authentic sources exist", Set.of("simplification", "data-once-only"), null));
        Administration ministry = workspace.people().save(new Administration(UUID.randomUUID(), "وزارة الانتقال الرقمي",
                "Ministère de la Transition Numérique", "MTNRA-2"));
        Delegate amina = workspace.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", ministry.id()));
        Idea idea = workspace.ideas().save(new Idea(UUID.randomUUID(), EASY, lesson.id(), amina.id(), "A once-only decree",
                "Draft a decree", Idea.Effort.L, Idea.Impact.HIGH, Idea.Status.UNDER_STUDY, "DG simplification", "Data map",
                Set.of("simplification"), Set.of(ministry.id()), null));
        // Change the links: one theme replaced, target kept.
        workspace.ideas().save(new Idea(idea.id(), EASY, lesson.id(), amina.id(), idea.title(), idea.description(),
                Idea.Effort.M, Idea.Impact.HIGH, Idea.Status.PILOTING, idea.owner(), idea.prerequisites(),
                Set.of("data-once-only"), Set.of(ministry.id()), null));

        assertThat(workspace.lessons().forSite(EASY)).singleElement()
                .satisfies(l -> assertThat(l.themes()).containsExactlyInAnyOrder("simplification", "data-once-only"));
        assertThat(workspace.ideas().forSite(EASY)).singleElement().satisfies(i -> {
            assertThat(i.themes()).containsExactly("data-once-only");
            assertThat(i.targets()).containsExactly(ministry.id());
            assertThat(i.status()).isEqualTo(Idea.Status.PILOTING);
            assertThat(i.effort()).isEqualTo(Idea.Effort.M);
            assertThat(i.lessonId()).isEqualTo(lesson.id());
            assertThat(i.authorId()).isEqualTo(amina.id());
        });
    }

    @Test
    void deletingMovesToTheTrashAndRestoringBringsBackTheEntryAndItsAttachments() throws Exception {
        Note note = workspace.notes().save(note(PORT, "Whiteboard of the digital twin"));
        Path photo = image("whiteboard.png");
        Attachment attached = workspace.attachments().attach(PORT, EntryKind.NOTE, note.id(), photo, "The whiteboard");

        assertThat(workspace.trash().delete(EntryKind.NOTE, note.id())).isTrue();
        assertThat(workspace.notes().forSite(PORT)).isEmpty();
        assertThat(workspace.attachments().forSite(PORT)).isEmpty();
        List<TrashItem> trash = workspace.trash().list(Optional.of(PORT));
        assertThat(trash).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo(ma.etamkeen.rihla.model.RecordKind.NOTE);
            assertThat(item.label()).isEqualTo("Whiteboard of the digital twin");
            assertThat(item.siteSlug()).isEqualTo("port-of-antwerp-bruges");
        });
        assertThat(workspace.trash().list(Optional.of(EASY))).isEmpty();

        assertThat(workspace.trash().restore(EntryKind.NOTE, note.id())).isTrue();
        assertThat(workspace.notes().forSite(PORT)).extracting(Note::id).containsExactly(note.id());
        assertThat(workspace.attachments().forSite(PORT)).extracting(Attachment::id).containsExactly(attached.id());
        assertThat(workspace.trash().list(Optional.empty())).isEmpty();
    }

    @Test
    void emptyingTheTrashPurgesTheContentButKeepsTheTombstone() {
        Note note = workspace.notes().save(note(PORT, "secret draft"));
        Note kept = workspace.notes().save(note(EASY, "kept"));
        workspace.trash().delete(EntryKind.NOTE, note.id());
        assertThat(workspace.trash().empty(Optional.empty())).isEqualTo(1);
        assertThat(workspace.trash().list(Optional.empty())).isEmpty();
        assertThat(workspace.trash().restore(EntryKind.NOTE, note.id())).isFalse();
        String row = TableDump.of(workspace.database()).get("note").stream()
                .filter(line -> line.startsWith("ID=" + note.id())).findFirst().orElseThrow();
        assertThat(row).doesNotContain("secret").contains("DELETED_AT=2").contains("PURGED_AT=2");
        assertThat(workspace.notes().forSite(EASY)).extracting(Note::id).containsExactly(kept.id());
    }

    @Test
    void aPhotoGetsAThumbnailAndADocumentDoesNot() throws Exception {
        Attachment photo = workspace.attachments().attach(PORT, null, null, image("board.png"), null);
        Path pdf = files.resolve("slides.pdf");
        Files.writeString(pdf, "%PDF-1.4 not really");
        Attachment slides = workspace.attachments().attach(PORT, null, null, pdf, "Slides");
        assertThat(photo.hasThumbnail()).isTrue();
        assertThat(photo.mediaType()).isEqualTo("image/png");
        BufferedImage thumbnail = ImageIO.read(new java.io.ByteArrayInputStream(workspace.attachments().thumbnail(photo.id()).orElseThrow()));
        assertThat(Math.max(thumbnail.getWidth(), thumbnail.getHeight())).isEqualTo(AttachmentService.THUMBNAIL_PIXELS);
        assertThat(slides.hasThumbnail()).isFalse();
        assertThat(slides.mediaType()).isEqualTo("application/pdf");
        Path copy = workspace.attachments().copyForViewing(slides);
        assertThat(copy.getFileName()).hasToString("slides.pdf");
        assertThat(Files.readString(copy)).isEqualTo("%PDF-1.4 not really");
    }

    @Test
    void aFileOverTheLimitAnUnreadableOneAndAnEmptyOneAreRefusedAndNothingIsStored() throws Exception {
        Map<String, List<String>> before = TableDump.of(workspace.database());
        Path big = files.resolve("video.mp4");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(Limits.ATTACHMENT_BYTES + 1);
        }
        assertThatThrownBy(() -> workspace.attachments().attach(PORT, null, null, big, null))
                .isInstanceOfSatisfying(RejectedInput.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("attachment.too-large");
                    assertThat(e.args()[0]).isEqualTo("video.mp4");
                    assertThat((double) e.args()[1]).isGreaterThan((double) e.args()[2]).isEqualTo(50.0, within(0.01));
                });
        assertThatThrownBy(() -> workspace.attachments().attach(PORT, null, null, files.resolve("gone.jpg"), null))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attachment.unreadable"));
        assertThatThrownBy(() -> workspace.attachments().attach(PORT, null, null, files, null))
                .isInstanceOfSatisfying(RejectedInput.class,
                        e -> assertThat(e.messageKey()).isEqualTo("attachment.unreadable"));
        Path empty = Files.createFile(files.resolve("empty.txt"));
        assertThatThrownBy(() -> workspace.attachments().attach(PORT, null, null, empty, null))
                .isInstanceOfSatisfying(RejectedInput.class, e -> assertThat(e.messageKey()).isEqualTo("attachment.empty"));
        assertThat(TableDump.of(workspace.database())).isEqualTo(before);
    }

    @Test
    void writesAreStampedWithTheChosenDelegateOrTheLaptop() {
        Note first = workspace.notes().save(note(PORT, "before choosing"));
        Delegate youssef = workspace.people().save(new Delegate(UUID.randomUUID(), "Youssef Benali", null));
        workspace.identity().setMe(youssef.id());
        Note second = workspace.notes().save(note(PORT, "after choosing"));
        Map<String, List<String>> dump = TableDump.of(workspace.database());
        assertThat(dump.get("note")).filteredOn(row -> row.startsWith("ID=" + first.id()))
                .singleElement().asString().containsPattern("UPDATED_BY=laptop-[0-9a-f]{8}");
        assertThat(dump.get("note")).filteredOn(row -> row.startsWith("ID=" + second.id()))
                .singleElement().asString().contains("UPDATED_BY=Youssef Benali");
        assertThat(workspace.identity().me()).contains(youssef);
    }

    private Path image(String name) throws Exception {
        BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(100, 100, 300, 200);
        Path file = files.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
