package ma.etamkeen.rihla.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.model.Site;
import ma.etamkeen.rihla.model.Visit;
import ma.etamkeen.rihla.service.Workspace;
import ma.etamkeen.rihla.testing.DemoData;

/**
 * The report of a visit as one booklet, read back with PDFBox: its table of contents names the page each part
 * starts on, that page is the part's, and there is one bookmark per site and per administration.
 */
class VisitReportTest {
    @TempDir
    Path folder;

    private static String words(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }

    private static String page(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return words(stripper.getText(pdf));
    }

    @Test
    void theContentsNameThePagesThePartsStartOnAndEachSiteAndAdministrationHasABookmark() throws Exception {
        DemoData.fill(folder);
        try (Workspace workspace = Workspace.open(folder)) {
            Visit visit = workspace.reports().visit("belgium-2022");
            List<Site> sites = workspace.catalog().sites(visit.id());
            byte[] bytes = workspace.reports().render(visit, Language.FR);
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                List<String> bookmarks = new ArrayList<>();
                List<Integer> starts = new ArrayList<>();
                for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                    bookmarks.add(item.getTitle());
                    starts.add(pdf.getPages().indexOf(item.findDestinationPage(pdf)) + 1);
                }
                List<String> expected = new ArrayList<>(sites.stream().map(site -> site.name().fr()).toList());
                workspace.people().administrations().stream()  // both are targets of the visit's ideas
                        .sorted(java.util.Comparator.comparing(a -> a.shortName(Language.FR)))
                        .forEach(a -> expected.add(a.label(Language.FR)));
                assertThat(expected).hasSize(sites.size() + 2);
                assertThat(bookmarks).containsExactlyElementsOf(expected);
                assertThat(sites).hasSize(15);

                String contents = page(pdf, 1);
                for (int i = 0; i < bookmarks.size(); i++) {
                    int start = starts.get(i);
                    assertThat(contents).as("the contents line of " + bookmarks.get(i))
                            .contains(words(bookmarks.get(i) + " — page " + start));
                    String first = page(pdf, start);
                    String name = i < sites.size() ? sites.get(i).name().fr() : bookmarks.get(i);
                    assertThat(first).as("page %d is the part %s", start, bookmarks.get(i)).contains(words(name));
                }
                // Briefs are one page each; the plans follow, each with its "page x/y" of its own.
                assertThat(starts.subList(0, sites.size())).isSorted().doesNotHaveDuplicates();
                assertThat(starts.get(sites.size()) - starts.get(0)).isEqualTo(sites.size());
                assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1 + sites.size() + 4);
            }
        }
    }
}
