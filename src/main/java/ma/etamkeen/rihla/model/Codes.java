package ma.etamkeen.rihla.model;

import java.util.regex.Pattern;

/**
 * The rule for slugs and codes (a site's {@code easy-brussels}, a visit's {@code belgium-2022}, a theme's
 * {@code open-data}): lowercase letters and digits in words joined by hyphens, at most 100 characters (their
 * columns' VARCHAR(100)). They name files (a brief is {@code <slug>.pdf}), so nothing else may pass.
 */
public final class Codes {
    /** The longest code, in characters. */
    public static final int MAX_CHARS = 100;
    private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private Codes() {
    }

    /** Whether {@code code} is a slug or code by the rule above; false for null. */
    public static boolean valid(String code) {
        return code != null && code.length() <= MAX_CHARS && CODE.matcher(code).matches();
    }

    /** Whether {@code text} is a SHA-256 as Rihla writes it: 64 lowercase hex digits (an attachment's name). */
    public static boolean sha256(String text) {
        return text != null && SHA_256.matcher(text).matches();
    }
}
