package ma.etamkeen.rihla.service;

import java.util.UUID;

/**
 * The layout of a {@code .rihla} package (see {@code src/docs/exchange-format.md}): a zip with
 * {@code manifest.json}, one {@code records/<kind>.json} per kind of record, and {@code attachments/<id>}.
 */
final class ExchangeFormat {
    /**
     * The format this version writes, and the newest it reads: 2 added visits, themes, sites and facts to the
     * records; 3 the status changes of ideas (a Rihla that reads up to 2 refuses it as newer rather than drop the
     * history silently). Packages of formats 1 and 2 still import.
     */
    static final int FORMAT = 3;
    static final String MANIFEST = "manifest.json";
    static final String RECORDS = "records/";
    static final String ATTACHMENTS = "attachments/";
    /** A package may unpack to at most this much (attachments included). */
    static final long MAX_TOTAL_BYTES = 4L << 30;
    /**
     * Its JSON files of records together may unpack to at most this much, and hold at most {@link #MAX_RECORDS}
     * records in all: some 20 times what a delegation of 18 writes over several visits (a 10,000-entry store
     * exports some 10 MB of records), and little enough that reading, previewing and importing the largest such
     * package fits in a 512 MB heap (LargePackageIT proves it with {@code -Xmx512m}).
     */
    static final long MAX_RECORDS_BYTES = 128L << 20;
    static final int MAX_RECORDS = 100_000;
    /** The manifest lists a checksum per file: 16 MB holds those of far more attachments than a package may carry. */
    static final long MAX_MANIFEST_BYTES = 16L << 20;

    private ExchangeFormat() {
    }

    /**
     * The most records of one kind a package may hold: far more than a delegation of 18 writes over several
     * visits, far fewer than what would fill a store or a heap (a package of 1,000,000 administrations is
     * junk or an attack). Documented in exchange-format.md.
     */
    static int maxRecords(ma.etamkeen.rihla.model.RecordKind<?> kind) {
        return switch (kind.code()) {
            case "visit" -> 500;
            case "theme" -> 1_000;
            case "administration", "delegate" -> 5_000;
            case "site" -> 10_000;
            case "fact" -> 100_000;
            case "attachment" -> 50_000;
            default -> MAX_RECORDS;  // notes, lessons learned, ideas for transfer
        };
    }

    static String recordsEntry(String kind) {
        return RECORDS + kind + ".json";
    }

    static String attachmentEntry(UUID id) {
        return ATTACHMENTS + id;
    }
}
