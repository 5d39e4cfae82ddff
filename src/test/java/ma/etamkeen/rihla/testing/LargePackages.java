package ma.etamkeen.rihla.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import ma.etamkeen.rihla.store.Sha256;

/**
 * Packages as large as a sender may make them: a real package (the demo data, exported by Rihla) with many more
 * notes, lessons learned and ideas for transfer written into it, streamed to the zip (the test's heap holds one
 * record at a time), the manifest's counts and checksums made to match. Unsigned, like any package changed
 * after its sender exported it.
 */
public final class LargePackages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private LargePackages() {
    }

    /**
     * {@code base} with {@code perKind} records of each entry kind (note, lesson, idea) added, each carrying
     * {@code chars} characters of Arabic and French text, written to {@code out}.
     */
    public static Path write(Path base, Path out, int perKind, int chars) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(base.toFile())) {
            for (var entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                files.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
            }
        }
        files.remove("signature.json");
        ObjectNode manifest = (ObjectNode) JSON.readTree(files.remove("manifest.json"));
        ObjectNode checksums = manifest.putObject("checksums");
        String text = text(chars);
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : files.entrySet()) {
                String kind = entry.getKey().replaceFirst("^records/(.*)\\.json$", "$1");
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                MessageDigest digest = Sha256.digest();
                if (kind.equals("note") || kind.equals("lesson") || kind.equals("idea")) {
                    var records = JSON.readTree(entry.getValue());
                    ObjectNode template = (ObjectNode) records.get(0);
                    String field = kind.equals("note") ? "body" : kind.equals("lesson") ? "observed" : "description";
                    JsonGenerator json = JSON.getFactory().createGenerator(
                            new java.security.DigestOutputStream(new NoClose(zip), digest));
                    json.writeStartArray();
                    for (var record : records) {
                        json.writeTree(record);
                    }
                    for (int i = 0; i < perKind; i++) {
                        ObjectNode copy = template.deepCopy();
                        copy.put("id", UUID.nameUUIDFromBytes((kind + i).getBytes(StandardCharsets.UTF_8)).toString());
                        copy.put(field, i + " " + text);
                        if (copy.has("title")) {
                            copy.put("title", kind + " " + i);
                        }
                        copy.putArray("versions");
                        json.writeTree(copy);
                    }
                    json.writeEndArray();
                    json.close();
                    manifest.with("counts").put(kind, records.size() + perKind);
                } else {
                    zip.write(entry.getValue());
                    digest.update(entry.getValue());
                }
                zip.closeEntry();
                checksums.put(entry.getKey(), HexFormat.of().formatHex(digest.digest()));
            }
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(JSON.writeValueAsBytes(manifest));
            zip.closeEntry();
        }
        return out;
    }

    /** {@code chars} characters of a delegate's note, Arabic then French, repeated. */
    private static String text(int chars) {
        String sentence = "مبدأ «مرة واحدة فقط»: لا يجوز للإدارة أن تطلب من المواطن معطيات موجودة لديها. "
                + "L'ordonnance du 17 juillet 2020 l'impose à toutes les administrations bruxelloises. ";
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            text.append(sentence);
        }
        return text.substring(0, chars);
    }

    /** The zip stays open when the JSON generator closes its stream. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
