package ma.etamkeen.rihla.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 (FIPS 180-4) checksums as 64 lowercase hexadecimal characters: what an attachment records of its
 * bytes and a package of each of its entries.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** The checksum of {@code bytes}. */
    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** {@code digest}'s checksum of what it was fed, as 64 lowercase hexadecimal characters. */
    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The checksum of what {@code in} gives until its end (it is read whole, not closed). */
    public static String of(InputStream in) throws IOException {
        DigestInputStream digesting = new DigestInputStream(in, digest());
        digesting.transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digesting.getMessageDigest().digest());
    }

    /** A fresh SHA-256 digest, to be fed as bytes go by (a stream parsed at the same time). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
