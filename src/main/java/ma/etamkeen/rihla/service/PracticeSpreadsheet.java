package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import ma.etamkeen.rihla.i18n.Language;
import ma.etamkeen.rihla.i18n.Messages;
import ma.etamkeen.rihla.service.PracticeLabels.Row;
import ma.etamkeen.rihla.store.AtomicFiles;

/**
 * The practices table as a spreadsheet: an Office Open XML workbook (.xlsx, ECMA-376) of one sheet, written with
 * fastexcel. The header row is bold and frozen above an auto-filter; each column holds one kind of value — the
 * date a date cell (yyyy-mm-dd), themes and targets joined with ", " as in the table — and the sheet reads
 * right to left in Arabic. Rows are streamed out every {@link #FLUSH_EVERY}, so 100,000 rows need a few MB of
 * heap. The file is written whole or not at all ({@link AtomicFiles}).
 */
public final class PracticeSpreadsheet {
    /** How many rows fastexcel keeps before it writes them out. */
    static final int FLUSH_EVERY = 1_000;
    /** The columns, as the practices table shows them: header key and value. */
    private static final List<Column> COLUMNS = List.of(
            new Column("practices.column.title", Row::title, 60),
            new Column("practices.column.kind", Row::kind, 18),
            new Column("practices.column.site", Row::site, 30),
            new Column("practices.column.city", Row::city, 14),
            new Column("practices.column.themes", Row::themes, 40),
            new Column("practices.column.targets", Row::targets, 24),
            new Column("practices.column.status", Row::status, 16),
            new Column("practices.column.author", Row::author, 24),
            new Column("practices.column.date", null, 12));

    private record Column(String headerKey, Function<Row, String> text, double width) {
    }

    private PracticeSpreadsheet() {
    }

    /**
     * Writes {@code rows} (in their order) to {@code file} with the headers in {@code messages}' language; dates
     * are the days they were written in this computer's time zone.
     *
     * @return how many rows were written
     * @throws RejectedInput {@code practices.export.failed} when the file cannot be written; it is then as it was
     */
    public static int write(List<Row> rows, Path file, Messages messages) {
        ZoneId zone = ZoneId.systemDefault();
        try {
            AtomicFiles.write(file, out -> {
                Workbook workbook = new Workbook(out, "Rihla", "1.0");
                Worksheet sheet = workbook.newWorksheet(sheetName(messages.get("practices.sheet")));
                // The sheet's view first: fastexcel writes it before the first rows it flushes.
                if (messages.language() == Language.AR) {
                    sheet.rightToLeft();
                }
                sheet.freezePane(0, 1);
                for (int column = 0; column < COLUMNS.size(); column++) {
                    sheet.value(0, column, messages.get(COLUMNS.get(column).headerKey()));
                    sheet.style(0, column).bold().set();
                    sheet.width(column, COLUMNS.get(column).width());
                }
                int date = COLUMNS.size() - 1;
                for (int i = 0; i < rows.size(); i++) {
                    Row row = rows.get(i);
                    for (int column = 0; column < date; column++) {
                        String text = COLUMNS.get(column).text().apply(row);
                        if (text != null && !text.isEmpty()) {
                            sheet.value(i + 1, column, text);
                        }
                    }
                    if (row.date() != null) {
                        sheet.value(i + 1, date, LocalDate.ofInstant(row.date(), zone));
                        sheet.style(i + 1, date).format("yyyy-mm-dd").set();
                    }
                    if ((i + 1) % FLUSH_EVERY == 0) {
                        sheet.flush();
                    }
                }
                sheet.setAutoFilter(0, 0, rows.size(), COLUMNS.size() - 1);  // written after the rows
                workbook.finish();
            });
        } catch (IOException e) {
            throw new RejectedInput("practices.export.failed", file, String.valueOf(e.getMessage()));
        }
        return rows.size();
    }

    /** A sheet name Excel takes: at most 31 characters, none of : \ / ? * [ ]. */
    private static String sheetName(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ").strip();
        return cleaned.length() <= 31 ? cleaned : cleaned.substring(0, 31);
    }
}
