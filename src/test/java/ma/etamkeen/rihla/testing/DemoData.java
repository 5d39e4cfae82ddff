package ma.etamkeen.rihla.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Delegate;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.model.Note;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;

/** Realistic entries for screenshots and UI tests: what delegates would write about easy.brussels and the port. */
public final class DemoData {
    private DemoData() {
    }

    public static void fill(Path folder) throws Exception {
        try (Workspace workspace = Workspace.open(folder)) {
            UUID easy = Seeder.siteId("easy-brussels");
            UUID port = Seeder.siteId("port-of-antwerp-bruges");
            Administration mtnra = workspace.people().administrations().get(0);
            Administration dgi = workspace.people().save(new Administration(UUID.randomUUID(),
                    "المديرية العامة للضرائب", "Direction Générale des Impôts", "DGI"));
            Delegate amina = workspace.people().save(new Delegate(UUID.randomUUID(), "Amina El Idrissi", mtnra.id()));
            Delegate youssef = workspace.people().save(new Delegate(UUID.randomUUID(), "Youssef Benali", dgi.id()));
            workspace.identity().setMe(amina.id());
            workspace.notes().save(new Note(UUID.randomUUID(), easy, amina.id(), LocalDate.of(2022, 9, 27),
                    "مبدأ «مرة واحدة فقط»: لا يجوز للإدارة أن تطلب من المواطن معطيات موجودة لديها في مصدر موثوق.\n"
                            + "L'ordonnance du 17 juillet 2020 l'impose à toutes les administrations bruxelloises.", null));
            workspace.notes().save(new Note(UUID.randomUUID(), easy, amina.id(), LocalDate.of(2022, 9, 27),
                    "Le baromètre de la charge administrative est publié chaque année.", null));
            Lesson lesson = workspace.lessons().save(new Lesson(UUID.randomUUID(), easy, amina.id(),
                    "Inscrire le « Once Only » dans un texte contraignant",
                    "La Région a adopté une ordonnance qui interdit de redemander des données déjà détenues.",
                    "Un inventaire des sources authentiques, et un service qui accompagne les administrations.",
                    Set.of("simplification", "data-once-only"), null));
            workspace.ideas().save(new Idea(UUID.randomUUID(), easy, lesson.id(), amina.id(),
                    "مرسوم لتطبيق مبدأ «مرة واحدة فقط» في المساطر الجبائية",
                    "Identifier les pièces que la DGI redemande alors qu'elles existent déjà ailleurs.",
                    Idea.Effort.M, Idea.Impact.HIGH, Idea.Status.UNDER_STUDY, "Amina El Idrissi",
                    "Cartographie des sources de données", Set.of("simplification", "data-once-only"),
                    Set.of(dgi.id(), mtnra.id()), null));
            // Practices at other sites, for the practices view: two more on simplification, two on other themes.
            workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId("asa"), amina.id(),
                    "Mesurer la charge administrative avant de simplifier",
                    "Le test Kafka chiffre le coût d'une nouvelle règle pour les citoyens et les entreprises.", null,
                    Set.of("simplification"), null));
            workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId("ewbs"), youssef.id(),
                    "خطة تبسيط مشتركة بين حكومتين",
                    "Un seul plan pour la Wallonie et la Fédération Wallonie-Bruxelles.", null,
                    Set.of("simplification", "digital-services"), null));
            workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId("fps-bosa"), null, youssef.id(),
                    "Un portail unique pour les démarches des citoyens", "Sur le modèle de MyBelgium.", Idea.Effort.L,
                    Idea.Impact.HIGH, Idea.Status.PROPOSED, null, null, Set.of("digital-services"),
                    Set.of(mtnra.id()), null));
            workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId("becode"), amina.id(),
                    "Des écoles de code gratuites, ouvertes à tous", null, null, Set.of("digital-skills"), null));
            workspace.notes().save(new Note(UUID.randomUUID(), port, amina.id(), LocalDate.of(2022, 10, 3),
                    "APICA : le jumeau numérique montre chaque navire en temps réel.", null));
            Path photo = Files.createTempFile("whiteboard", ".png");
            BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = image.createGraphics();
            graphics.setColor(new Color(0xF4F6F8));
            graphics.fillRect(0, 0, 640, 480);
            graphics.setColor(new Color(0x0F6B5C));
            graphics.fillRoundRect(60, 60, 520, 300, 30, 30);
            graphics.dispose();
            ImageIO.write(image, "png", photo.toFile());
            workspace.attachments().attach(easy, null, null, photo, "Tableau blanc de l'atelier");
            Path slides = Files.createTempFile("once-only", ".pdf");
            Files.writeString(slides, "%PDF-1.4\n% slides\n");
            workspace.attachments().attach(easy, EntryKind.LESSON, lesson.id(), slides, null);
        }
    }
}
