package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import ma.etamkeen.rihla.model.Codes;
import ma.etamkeen.rihla.model.Field;
import ma.etamkeen.rihla.model.GovernmentLevel;
import ma.etamkeen.rihla.model.RecordKind;
import ma.etamkeen.rihla.model.Localized;
import ma.etamkeen.rihla.text.FileNames;

/**
 * A visit and its sites prepared in a spreadsheet: a CSV file (RFC 4180: comma-separated, fields in double
 * quotes when they hold commas, quotes or line breaks; UTF-8, with or without a byte-order mark), one row per
 * site, the visit's columns repeated on each. Read whole and checked before anything is stored: the first
 * problem is refused naming its row and column. See README, "A visit prepared in a spreadsheet".
 */
final class VisitCsv {
    static final List<String> REQUIRED = List.of("visit", "visit_title_ar", "visit_title_fr", "visit_starts_on",
            "visit_ends_on", "site", "name_ar", "name_fr", "city", "level", "themes");
    static final List<String> OPTIONAL = List.of("visit_title_en", "country", "name_en", "name_original", "type_ar",
            "type_fr", "type_en", "address", "website", "summary_ar", "summary_fr", "summary_en");
    private static final List<String> VISIT_COLUMNS = List.of("visit_title_ar", "visit_title_fr", "visit_title_en",
            "visit_starts_on", "visit_ends_on", "country");

    /** One visit of the file, with its sites in file order. */
    record PlannedVisit(String code, Localized title, Localized country, LocalDate startsOn, LocalDate endsOn,
                        List<PlannedSite> sites, Set<String> columns) {
    }

    /**
     * One site row. {@code columns} are those the file has: a column it lacks leaves what is stored as it is;
     * a column it has but leaves empty clears the field.
     */
    record PlannedSite(int row, String slug, Localized name, String originalName, Localized type, Localized city,
                       GovernmentLevel level, String address, String website, Localized summary, Set<String> themes) {
    }

    private VisitCsv() {
    }

    /**
     * Reads and checks the file.
     *
     * @param themes the theme codes that exist
     * @throws RejectedInput {@code csv.missing}, {@code csv.folder}, {@code csv.unreadable}, {@code csv.encoding},
     *                       {@code csv.syntax}, {@code csv.unclosed-quote}, {@code csv.too-many-cells}, {@code csv.empty},
     *                       {@code csv.duplicate-column}, {@code csv.bad-website},
     *                       {@code csv.missing-column}, {@code csv.unknown-column}, {@code csv.required},
     *                       {@code csv.no-name},
     *                       {@code csv.bad-date}, {@code csv.dates-order}, {@code csv.bad-level},
     *                       {@code csv.unknown-theme}, {@code csv.bad-code}, {@code csv.duplicate-site},
     *                       {@code csv.visit-differs}, {@code csv.too-long}
     */
    static List<PlannedVisit> read(Path file, Set<String> themes) {
        String name = FileNames.clean(String.valueOf(file.getFileName()));
        String text = decode(file, name);
        if (text.isBlank()) {
            throw new RejectedInput("csv.empty", name);
        }
        // French-locale spreadsheets save "CSV" with semicolons: read the separator from the header row.
        String headerRow = text.lines().findFirst().orElse("");
        char separator = headerRow.indexOf(',') < 0 && headerRow.indexOf(';') >= 0 ? ';' : ',';
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> rowNumbers = new ArrayList<>();
        List<String> header;
        try (MappingIterator<Map<String, String>> it = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator))
                .readValues(text)) {
            header = new ArrayList<>();
            while (it.hasNextValue()) {
                int row = it.getCurrentLocation().getLineNr();
                Map<String, String> values = it.nextValue();
                if (values.values().stream().anyMatch(value -> value != null && !value.isBlank())) {  // blank rows: skipped
                    rows.add(values);
                    rowNumbers.add(row);
                }
            }
            ((CsvSchema) it.getParserSchema()).forEach(column -> header.add(column.getName()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            int row = rowAt(text, e.getLocation() == null ? 0 : e.getLocation().getLineNr());
            String problem = String.valueOf(e.getOriginalMessage());
            throw new RejectedInput(problem.contains("closing quote") ? "csv.unclosed-quote"
                    : problem.contains("Too many entries") ? "csv.too-many-cells" : "csv.syntax", name, row);
        } catch (IOException | RuntimeException e) {
            throw new RejectedInput("csv.syntax", name, 0);
        }
        if (header.isEmpty()) {
            throw new RejectedInput("csv.empty", name);
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new RejectedInput("csv.duplicate-column", name, column);
            }
        }
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                throw new RejectedInput("csv.missing-column", name, column);
            }
        }
        for (String column : header) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                throw new RejectedInput("csv.unknown-column", name, column);
            }
        }
        if (rows.isEmpty()) {
            throw new RejectedInput("csv.empty", name);
        }
        Set<String> columns = new LinkedHashSet<>(header);
        Map<String, PlannedVisit> visits = new LinkedHashMap<>();
        Map<String, Map<String, String>> visitRows = new HashMap<>();
        Map<String, Integer> visitFirstRow = new HashMap<>();
        Set<String> slugs = new LinkedHashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            int row = rowNumbers.get(i);  // the line the row starts on: row 1 is the header
            Cells cells = new Cells(name, row, rows.get(i));
            String code = cells.code("visit", "csv.bad-code");
            Map<String, String> first = visitRows.putIfAbsent(code, rows.get(i));
            if (first != null) {
                cells.date("visit_starts_on");  // a wrong date says so, not only that it differs
                cells.date("visit_ends_on");
                for (String column : VISIT_COLUMNS) {
                    if (columns.contains(column) && !cells.get(column).equals(value(first, column))) {
                        throw new RejectedInput("csv.visit-differs", name, row, column, code, visitFirstRow.get(code));
                    }
                }
            } else {
                visitFirstRow.put(code, row);
                Localized title = new Localized(cells.get("visit_title_ar"), cells.get("visit_title_fr"),
                        cells.get("visit_title_en"));
                if (title.isEmpty()) {
                    throw new RejectedInput("csv.no-name", name, row, "visit_title_ar, visit_title_fr, visit_title_en");
                }
                LocalDate starts = cells.date("visit_starts_on");
                LocalDate ends = cells.date("visit_ends_on");
                if (ends.isBefore(starts)) {
                    throw new RejectedInput("csv.dates-order", name, row);
                }
                String country = cells.get("country");
                visits.put(code, new PlannedVisit(code, title, new Localized(country, country, country), starts, ends,
                        new ArrayList<>(), columns));
            }
            String slug = cells.code("site", "csv.bad-code");
            if (!slugs.add(slug)) {
                throw new RejectedInput("csv.duplicate-site", name, row, slug);
            }
            Localized siteName = new Localized(cells.get("name_ar"), cells.get("name_fr"), cells.get("name_en"));
            if (siteName.isEmpty() && cells.get("name_original").isEmpty()) {
                throw new RejectedInput("csv.no-name", name, row, "name_ar, name_fr, name_en, name_original");
            }
            String city = cells.required("city");
            String levelCode = cells.required("level");
            GovernmentLevel level = GovernmentLevel.parse(levelCode).orElseThrow(() -> new RejectedInput(
                    "csv.bad-level", name, row, levelCode, String.join(", ", Arrays.stream(GovernmentLevel.values())
                            .map(GovernmentLevel::code).toList())));
            Set<String> siteThemes = new LinkedHashSet<>();
            for (String theme : cells.get("themes").split(";")) {
                String code2 = theme.strip();
                if (code2.isEmpty()) {
                    continue;
                }
                if (!themes.contains(code2)) {
                    throw new RejectedInput("csv.unknown-theme", name, row, code2, String.join(", ", themes));
                }
                siteThemes.add(code2);
            }
            visits.get(code).sites().add(new PlannedSite(row, slug, siteName, blankToNull(cells.get("name_original")),
                    new Localized(cells.get("type_ar"), cells.get("type_fr"), cells.get("type_en")),
                    new Localized(city, city, city), level, blankToNull(cells.get("address")),
                    blankToNull(cells.website()),
                    new Localized(cells.get("summary_ar"), cells.get("summary_fr"), cells.get("summary_en")), siteThemes));
        }
        return List.copyOf(visits.values());
    }

    /** The file as text: UTF-8 only (a byte-order mark is dropped), since a wrong guess would garble Arabic. */
    private static String decode(Path file, String name) {
        byte[] bytes;
        if (Files.isDirectory(file)) {
            throw new RejectedInput("csv.folder", name);
        }
        if (!Files.exists(file)) {
            throw new RejectedInput("csv.missing", String.valueOf(file));
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RejectedInput("csv.unreadable", name, String.valueOf(e.getMessage()));
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new RejectedInput("csv.encoding", name);
        }
    }

    /** The longest text a column may hold: that of the visit's or site's field it fills. */
    private static int limit(String column) {
        String field = switch (column) {
            case "visit", "site" -> "code";
            case "country" -> "country_fr";
            case "city" -> "city_fr";
            default -> column.startsWith("visit_title_") ? column.substring("visit_".length()) : column;
        };
        RecordKind<?> kind = column.startsWith("visit") || column.equals("country") ? RecordKind.VISIT : RecordKind.SITE;
        return kind.field(field).filter(f -> f.maxChars() > 0).map(Field::maxChars).orElse(100);
    }

    private static String value(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null ? "" : value.strip();
    }

    /**
     * The row (the line it starts on) that holds line {@code line} of {@code text}: a quoted cell may span
     * lines, and a quote never closed runs to the end of the file, where the parser notices.
     */
    private static int rowAt(String text, int line) {
        int row = 1;
        int current = 1;
        boolean quoted = false;
        for (int i = 0; i < text.length() && current < line; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n') {
                current++;
                if (!quoted) {
                    row = current;
                }
            }
        }
        return row;
    }

    private static String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }

    /** The cells of one row, checked as they are read. */
    private record Cells(String file, int row, Map<String, String> values) {
        /** The website: empty, or a web address (http or https) a browser can open. */
        String website() {
            String value = get("website");
            if (!value.isEmpty() && !value.matches("(?i)https?://[^\\s/]+\\.[^\\s]+")) {
                throw new RejectedInput("csv.bad-website", file, row, value);
            }
            return value;
        }

        /** The cell, within the limit of the field it goes to (the field model's). */
        String get(String column) {
            String value = value(values, column);
            int limit = limit(column);
            if (value.length() > limit) {
                throw new RejectedInput("csv.too-long", file, row, column, value.length(), limit);
            }
            return value;
        }

        String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw new RejectedInput("csv.required", file, row, column);
            }
            return value;
        }

        String code(String column, String refusal) {
            String value = required(column);
            if (!Codes.valid(value)) {
                throw new RejectedInput(refusal, file, row, column, value);
            }
            return value;
        }

        LocalDate date(String column) {
            String value = required(column);
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new RejectedInput("csv.bad-date", file, row, column, value);
            }
        }
    }
}
