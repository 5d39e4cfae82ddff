package ma.etamkeen.rihla.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A package taken apart into its files, to be changed and put back together (with fresh checksums or not). */
final class Repack {
    private static final ObjectMapper JSON = new ObjectMapper();
    final Map<String, byte[]> files = new LinkedHashMap<>();

    static Repack of(Path file) throws IOException {
        Repack repack = new Repack();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                repack.files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        return repack;
    }

    String text(String name) {
        return new String(files.get(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    Repack put(String name, String text) {
        files.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /**
     * The manifest's checksums made to match the files again, as whoever changed them would; the sender's
     * signature goes (nobody else can make it again), so the package is unsigned.
     */
    Repack resealed() throws IOException {
        files.remove("signature.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("manifest.json"));
        ObjectNode checksums = manifest.putObject("checksums");
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (!file.getKey().equals("manifest.json")) {
                checksums.put(file.getKey(), sha256(file.getValue()));
            }
        }
        files.put("manifest.json", JSON.writeValueAsBytes(manifest));
        return this;
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
