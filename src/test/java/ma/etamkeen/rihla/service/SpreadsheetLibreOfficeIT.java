package ma.etamkeen.rihla.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.PracticeLabels.Row;

/**
 * The spreadsheet as a delegate's office suite reads it: LibreOffice, headless (installed by .ci/run:
 * libreoffice-calc-nogui), converts the Arabic .xlsx to CSV (UTF-8), which holds the same rows as the table.
 */
class SpreadsheetLibreOfficeIT {
    @TempDir
    Path folder;

    @Test
    void libreOfficeReadsTheSameRowsAsTheTable() throws Exception {
        List<Row> table;
        Path xlsx = folder.resolve("practices.xlsx");
        try (Workspace workspace = Workspace.open(folder.resolve("data"))) {
            PracticeSpreadsheetTest.fill(workspace);
            table = PracticeSpreadsheetTest.rows(workspace, PracticeFilter.none(), Language.AR);
            PracticeSpreadsheet.write(table, xlsx, Messages.of(Language.AR));
        }
        Path out = Files.createDirectories(folder.resolve("csv"));
        Process soffice = new ProcessBuilder("soffice", "-env:UserInstallation=" + folder.resolve("profile").toUri(),
                "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", out.toString(),
                xlsx.toString()).redirectErrorStream(true).start();
        String said = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(soffice.exitValue()).as(said).isZero();

        List<List<String>> csv = new ArrayList<>();
        try (MappingIterator<List<String>> rows = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(out.resolve("practices.csv").toFile())) {
            rows.forEachRemaining(csv::add);
        }
        Messages messages = Messages.of(Language.AR);
        assertThat(csv.get(0).get(0)).isEqualTo(messages.get("practices.column.title"));
        assertThat(csv).hasSize(table.size() + 1);
        for (int i = 0; i < table.size(); i++) {
            Row row = table.get(i);
            assertThat(csv.get(i + 1)).containsExactly(row.title(), row.kind(), row.site(), row.city(), row.themes(),
                    row.targets(), row.status(), row.author(),
                    LocalDate.ofInstant(row.date(), ZoneId.systemDefault()).toString());
        }
    }
}
