package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.model.Administration;
import ma.etamkeen.rihla.model.Idea;
import ma.etamkeen.rihla.model.Lesson;
import ma.etamkeen.rihla.service.PracticeFilter.Facet;
import ma.etamkeen.rihla.service.PracticeLabels.Row;
import ma.etamkeen.rihla.store.Seeder;

/** The practices table written as .xlsx and read back: the same rows, typed cells, the sheet's view. */
class PracticeSpreadsheetTest {
    @TempDir
    Path folder;

    /** A store with Arabic and French practices, two of them ideas for the DGI. */
    static List<Row> rows(Workspace workspace, PracticeFilter filter, Language language) {
        PracticeLabels labels = PracticeLabels.of(workspace, language, Messages.of(language));
        return workspace.practices().filter(filter).matching().stream().map(labels::row).toList();
    }

    static void fill(Workspace workspace) {
        Administration dgi = workspace.people().save(new Administration(UUID.randomUUID(), "المديرية العامة للضرائب",
                "Direction générale des impôts", "DGI"));
        workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId("asa"), null,
                "قياس العبء الإداري قبل كل إصلاح", null, null, Set.of("simplification"), null));
        workspace.lessons().save(new Lesson(UUID.randomUUID(), Seeder.siteId("easy-brussels"), null,
                "Le principe « une seule fois » inscrit dans une ordonnance", null, null,
                Set.of("simplification", "data-once-only"), null));
        workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId("easy-brussels"), null, null,
                "مرسوم «مرة واحدة فقط» للإدارات المغربية", null, null, null, Idea.Status.UNDER_STUDY, null, null,
                Set.of("data-once-only"), Set.of(dgi.id()), null));
        workspace.ideas().save(new Idea(UUID.randomUUID(), Seeder.siteId("fps-bosa"), null, null,
                "Un portail unique pour le citoyen", null, null, null, Idea.Status.PROPOSED, null, null,
                Set.of("digital-services"), Set.of(dgi.id()), null));
    }

    private static List<List<String>> read(Path xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile());
             Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null ? "" : cell.getType() == CellType.NUMBER && i == 8
                            ? cell.asDate().toLocalDate().toString() : cell.getText());
                }
                rows.add(cells);
            });
        }
        return rows;
    }

    private static String sheetXml(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile()); InputStream in = zip.getInputStream(zip.getEntry("xl/worksheets/sheet1.xml"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theFilteredTableReadsBackRowForRowWithItsDatesAsDatesAndTheSheetRightToLeftInArabic() throws IOException {
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            fill(workspace);
            for (Language language : Language.values()) {
                List<Row> table = rows(workspace, PracticeFilter.none().toggle(Facet.THEME, "data-once-only"), language);
                assertThat(table).hasSize(2);
                Path xlsx = folder.resolve("practices-" + language + ".xlsx");
                assertThat(PracticeSpreadsheet.write(table, xlsx, Messages.of(language))).isEqualTo(2);

                List<List<String>> read = read(xlsx);
                Messages messages = Messages.of(language);
                assertThat(read.get(0)).containsExactly(messages.get("practices.column.title"),
                        messages.get("practices.column.kind"), messages.get("practices.column.site"),
                        messages.get("practices.column.city"), messages.get("practices.column.themes"),
                        messages.get("practices.column.targets"), messages.get("practices.column.status"),
                        messages.get("practices.column.author"), messages.get("practices.column.date"));
                for (int i = 0; i < table.size(); i++) {
                    Row row = table.get(i);
                    assertThat(read.get(i + 1)).containsExactly(row.title(), row.kind(), row.site(), row.city(),
                            row.themes(), row.targets(), row.status(), row.author(),
                            LocalDate.ofInstant(row.date(), ZoneId.systemDefault()).toString());
                }
                String sheet = sheetXml(xlsx);
                assertThat(sheet).contains("state=\"frozen\"", "ySplit=\"1\"", "<autoFilter ref=\"A1:I3\"");
                assertThat(sheet.contains("rightToLeft=\"true\"")).as(language.toString()).isEqualTo(language == Language.AR);
            }
        }
    }

    @Test
    void aFileThatCannotBeWrittenIsRefusedByNameAndNothingIsLeft() throws IOException {
        Path readOnly = Files.createDirectories(folder.resolve("locked"));
        Path xlsx = readOnly.resolve("practices.xlsx");
        Files.createDirectories(xlsx);  // a folder where the file should go: it cannot be replaced
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            fill(workspace);
            List<Row> table = rows(workspace, PracticeFilter.none(), Language.FR);
            assertThatThrownBy(() -> PracticeSpreadsheet.write(table, xlsx, Messages.of(Language.FR)))
                    .isInstanceOfSatisfying(RejectedInput.class,
                            e -> assertThat(e.messageKey()).isEqualTo("practices.export.failed"));
        }
        try (Stream<Path> files = Files.list(readOnly)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("practices.xlsx");
        }
        assertThat(xlsx).isDirectory();
    }
}
