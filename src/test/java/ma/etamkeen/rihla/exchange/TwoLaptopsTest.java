package ma.etamkeen.rihla.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.ExchangePackage;
import ma.etamkeen.rihla.service.ExchangeService;
import ma.etamkeen.rihla.service.ExchangeService.ExportScope;
import ma.etamkeen.rihla.service.ImportPlan;
import ma.etamkeen.rihla.service.ImportPlan.Resolution;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.ExchangeRecords;
import ma.etamkeen.rihla.store.Seeder;

/**
 * Two delegates, two laptops from the same seed: each writes and edits, they swap packages both ways
 * (USB stick, e-mail), settle the conflicts as they choose, and end with the same content.
 */
class TwoLaptopsTest {
    private static final UUID PORT = Seeder.siteId("port-of-antwerp-bruges");
    private static final UUID EASY = Seeder.siteId("easy-brussels");

    @TempDir
    Path folder;
    private int packages;

    @Test
    void aminaAndYoussefEndWithTheSameNotesLessonsIdeasAndFiles() throws Exception {
        try (Workspace amina = Workspace.open(folder.resolve("amina")); Workspace youssef = Workspace.open(folder.resolve("youssef"))) {
            // Each laptop says who uses it, and writes.
            Delegate a = amina.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", null));
            amina.identity().setMe(a.id());
            Administration dgi = amina.people().save(new Administration(UUID.randomUUID(), "المديرية العامة للضرائب",
                    "Direction Générale des Impôts", "DGI"));
            Note portNote = amina.notes().save(new Note(UUID.randomUUID(), PORT, a.id(), LocalDate.of(2022, 10, 3),
                    "APICA : le jumeau numérique du port.", null));
            Lesson onceOnly = amina.lessons().save(new Lesson(UUID.randomUUID(), EASY, a.id(), "Le « Once Only » par la loi",
                    "Une ordonnance de 2020.", null, Set.of("simplification"), null));
            Path photo = Files.write(folder.resolve("tableau.png"), png());
            amina.attachments().attach(EASY, EntryKind.LESSON, onceOnly.id(), photo, "Le tableau de l'atelier");

            Delegate y = youssef.people().save(new Delegate(UUID.randomUUID(), "Youssef Benali", null));
            youssef.identity().setMe(y.id());
            Note easyNote = youssef.notes().save(new Note(UUID.randomUUID(), EASY, y.id(), LocalDate.of(2022, 9, 27),
                    "مبدأ «مرة واحدة فقط»", null));

            // First swap, both ways: everything is new on the other side.
            assertThat(swap(amina, youssef, Map.of()).total().conflicts()).isZero();
            assertThat(swap(youssef, amina, Map.of()).total().conflicts()).isZero();

            // Both work on: an idea from Amina's lesson, edits on both sides of the same note, a deletion.
            Idea idea = youssef.ideas().save(new Idea(UUID.randomUUID(), EASY, onceOnly.id(), y.id(),
                    "Un décret « Once Only » pour la DGI", null, Idea.Effort.M, Idea.Impact.HIGH, Idea.Status.PROPOSED,
                    null, null, Set.of("simplification", "data-once-only"), Set.of(dgi.id()), null));
            amina.notes().save(portNote.withBody("APICA : le jumeau numérique du port, en temps réel."));
            youssef.notes().save(portNote.withBody("APICA : un jumeau numérique (2D/3D)."));
            youssef.notes().save(easyNote.withBody("مبدأ «مرة واحدة فقط» — بالأمر الصادر سنة 2020"));
            amina.notes().save(easyNote.withBody("مبدأ «مرة واحدة فقط» — Once Only"));
            amina.trash().delete(EntryKind.LESSON, onceOnly.id());  // Amina deletes the lesson Youssef built on

            ImportPlan atYoussef = swap(amina, youssef, Map.of(portNote.id(), Resolution.THEIRS, easyNote.id(), Resolution.BOTH));
            assertThat(atYoussef.conflicts()).extracting(ImportPlan.Conflict::id)
                    .containsExactlyInAnyOrder(portNote.id(), easyNote.id());
            assertThat(atYoussef.total().deletions()).isEqualTo(2);  // the lesson and the photo on it
            ImportPlan atAmina = swap(youssef, amina, Map.of());
            assertThat(atAmina.conflicts()).isEmpty();  // Youssef settled them; Amina takes his result
            assertThat(atAmina.byKind().get(ma.etamkeen.rihla.model.RecordKind.IDEA).added()).isEqualTo(1);

            assertThat(ExchangeRecords.of(amina.database())).isEqualTo(ExchangeRecords.of(youssef.database()));
            assertThat(amina.notes().forSite(PORT)).extracting(Note::body)
                    .containsExactly("APICA : le jumeau numérique du port, en temps réel.");
            assertThat(amina.notes().forSite(EASY)).extracting(Note::body).containsExactlyInAnyOrder(
                    "مبدأ «مرة واحدة فقط» — بالأمر الصادر سنة 2020", "مبدأ «مرة واحدة فقط» — Once Only");
            assertThat(youssef.ideas().forSite(EASY)).extracting(Idea::title).containsExactly(idea.title());
            assertThat(youssef.lessons().forSite(EASY)).isEmpty();
            // Nothing left to exchange.
            assertThat(swap(amina, youssef, Map.of()).total().changesAnything()).isFalse();
            assertThat(swap(youssef, amina, Map.of()).total().changesAnything()).isFalse();
        }
    }

    /** {@code from} exports everything, {@code to} imports it with {@code choices}; the preview is returned. */
    private ImportPlan swap(Workspace from, Workspace to, Map<UUID, Resolution> choices) {
        Path file = from.exchange().export(folder.resolve("package-" + (++packages) + ".rihla"), ExportScope.all(),
                ExchangeService.Progress.NONE).file();
        try (ExchangePackage pkg = to.exchange().read(file)) {
            ImportPlan plan = to.exchange().plan(pkg);
            to.exchange().apply(pkg, plan, new HashMap<>(choices), ExchangeService.Progress.NONE, () -> false);
            return plan;
        }
    }

    private static byte[] png() throws java.io.IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
