package ma.etamkeen.rihla.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.service.RejectedInput;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.store.Seeder;

/** The action plan of an administration, as a real PDF read back: its pages, its titles, its page numbers. */
class ActionPlanPdfTest {
    @TempDir
    Path folder;

    /** What a reader copying text out of a page gets, Arabic presentation forms and spaces evened out. */
    private static String page(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return words(stripper.getText(pdf));
    }

    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    @Test
    void thirtyArabicIdeasMakeSeveralPagesEachTitleReadableAndEachPageNumberedOfAll() throws IOException {
        List<String> titles = new ArrayList<>();
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            Administration dgi = workspace.people().save(new Administration(UUID.randomUUID(),
                    "المديرية العامة للضرائب", "Direction générale des impôts", "DGI"));
            String[] slugs = {"easy-brussels", "asa", "ewbs", "fps-bosa", "digital-agency"};
            for (int i = 0; i < 30; i++) {
                String title = "فكرة رقم " + (i + 1) + ": تبسيط المسطرة الجبائية " + "ورقمنتها ".repeat(1 + i % 3);
                titles.add(title.strip());
                Idea idea = workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId(slugs[i % slugs.length]),
                        null, null, title.strip(), null, Idea.Effort.values()[i % 3], Idea.Impact.values()[i % 3],
                        null, "أمينة الإدريسي", "خريطة مصادر المعطيات، ونص تنظيمي يلزم الإدارات بتبادلها.",
                        Set.of("simplification"), Set.of(dgi.id()), null));
                workspace.ideas().move(idea.id(), Idea.Status.values()[i % Idea.Status.values().length]);
            }
            byte[] bytes = workspace.plans().render(workspace.plans().administration("dgi"), Language.AR);
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                int pages = pdf.getNumberOfPages();
                assertThat(pages).as("a cover and the ideas").isGreaterThanOrEqualTo(3);
                assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("ar-MA");
                assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("خطة عمل DGI — المديرية العامة للضرائب");
                String all = words(new PDFTextStripper().getText(pdf));
                for (String title : titles) {
                    assertThat(all).as(title).contains(words(title));
                }
                for (int page = 1; page <= pages; page++) {
                    String text = page(pdf, page);
                    assertThat(text).as("page %d", page).containsAnyOf(page + "/" + pages, pages + "/" + page)
                            .contains(words("الصفحة"));
                }
                assertThat(page(pdf, 1)).contains(words("خطة العمل"), words("30 فكرة للنقل"));
            }
        }
    }

    @Test
    void anUnknownAcronymIsRefusedNamingTheKnownOnes() {
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            workspace.people().save(new Administration(UUID.randomUUID(), null, "Ministère de la Transition", "MTNRA"));
            assertThatThrownBy(() -> workspace.plans().administration("XYZ")).isInstanceOfSatisfying(RejectedInput.class,
                    e -> assertThat(e.messageKey()).isEqualTo("plan.unknown-administration"));
        }
    }
}
