package ma.etamkeen.rihla.text;

import java.nio.charset.StandardCharsets;

/**
 * File names as Rihla shows and writes them, so that what the user sees is the real name and the real
 * extension: "photo_visite" + U+202E + "gpj.exe", drawn "photo_visiteexe.jpg" by a bidi-aware renderer,
 * becomes "photo_visitegpj.exe" (the "right-to-left override" spoofing of Unicode Technical Report #36,
 * Unicode Security Considerations).
 */
public final class FileNames {
    /** What a file is called when nothing of its name is left. */
    public static final String UNNAMED = "attachment";
    /** The longest name written to disk, in bytes of UTF-8 (file systems allow 255). */
    static final int MAX_BYTES = 200;

    private FileNames() {
    }

    /**
     * {@code name} without invisible characters — format (Cf: bidi controls, zero-width characters) and
     * control characters (Cc), the invisible letters and marks of Unicode's Default_Ignorable_Code_Point
     * (Hangul fillers, variation selectors, combining grapheme joiner) — with every run of spaces and line or
     * paragraph separators made one space, stripped; {@link #UNNAMED} when that leaves nothing.
     */
    public static String clean(String name) {
        if (name == null) {
            return UNNAMED;
        }
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(c -> !isInvisible(c)).forEach(kept::appendCodePoint);
        String cleaned = kept.toString().replaceAll("[\\p{Z}\\s]+", " ").strip();
        return cleaned.isEmpty() ? UNNAMED : cleaned;
    }

    /**
     * {@code name} {@linkplain #clean clean} and fit to be a file's name on any system: no path separators
     * or characters Windows refuses (replaced by "_"), not "." or "..", no trailing dot, at most
     * {@value #MAX_BYTES} bytes of UTF-8 (cut between grapheme clusters, the extension kept).
     */
    public static String forDisk(String name) {
        String safe = clean(name).replaceAll("[\\\\/:*?\"<>|]", "_").replaceAll("[. ]+$", "");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return UNNAMED;
        }
        if (bytes(safe) <= MAX_BYTES) {
            return safe;
        }
        int dot = safe.lastIndexOf('.');
        String extension = dot > 0 && safe.length() - dot <= 16 ? safe.substring(dot) : "";
        String base = safe.substring(0, safe.length() - extension.length());
        int end = base.length();
        while (end > 0 && bytes(base.substring(0, end)) + bytes(extension) > MAX_BYTES) {
            end = Graphemes.boundaryAtOrBefore(base, end - 1);
        }
        return end == 0 ? UNNAMED + extension : base.substring(0, end) + extension;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x034F || c == 0x17B4 || c == 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0xFE00 && c <= 0xFE0F || c >= 0xE0100 && c <= 0xE01EF;
    }
}
