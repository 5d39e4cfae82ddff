package ma.etamkeen.rihla.text;

/**
 * File names as Rihla shows and writes them: without invisible format characters (category Cf: bidi
 * controls such as U+202E RIGHT-TO-LEFT OVERRIDE, zero-width characters) and control characters (Cc), so
 * that what the user sees is the real name and the real extension: "photo_visite" + U+202E + "gpj.exe",
 * drawn "photo_visiteexe.jpg" by a bidi-aware renderer, becomes "photo_visitegpj.exe". (The trick is the
 * "right-to-left override" spoofing of Unicode Technical Report #36, Unicode Security Considerations.)
 */
public final class FileNames {
    /** What a file is called when nothing of its name is left. */
    public static final String UNNAMED = "attachment";

    private FileNames() {
    }

    /** {@code name} without Cf and Cc characters, stripped; {@link #UNNAMED} when that leaves nothing. */
    public static String clean(String name) {
        if (name == null) {
            return UNNAMED;
        }
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT && !Character.isISOControl(c))
                .forEach(kept::appendCodePoint);
        String cleaned = kept.toString().strip();
        return cleaned.isEmpty() ? UNNAMED : cleaned;
    }
}
