package ma.etamkeen.rihla.service;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.ImageIO;

import ma.etamkeen.rihla.model.Attachment;
import ma.etamkeen.rihla.model.EntryKind;
import ma.etamkeen.rihla.model.SearchKind;
import ma.etamkeen.rihla.store.AttachmentRepository;
import ma.etamkeen.rihla.store.BlobStore;
import ma.etamkeen.rihla.store.Database;
import ma.etamkeen.rihla.store.Sha256;
import ma.etamkeen.rihla.store.Stamp;
import ma.etamkeen.rihla.store.StoreException;
import ma.etamkeen.rihla.text.FileNames;

/** Photos and documents attached to a site or to one of its entries. */
public final class AttachmentService {
    static final int THUMBNAIL_PIXELS = 240;
    private static final Map<String, String> MEDIA_TYPES = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"), Map.entry("bmp", "image/bmp"), Map.entry("webp", "image/webp"),
            Map.entry("heic", "image/heic"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
            Map.entry("doc", "application/msword"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("ppt", "application/vnd.ms-powerpoint"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("mp4", "video/mp4"), Map.entry("m4a", "audio/mp4"), Map.entry("mp3", "audio/mpeg"));

    private final Database database;
    private final Identity identity;
    private final SearchService search;
    private final AttachmentRepository attachments = new AttachmentRepository();

    AttachmentService(Database database, Identity identity, SearchService search) {
        this.database = database;
        this.identity = identity;
        this.search = search;
    }

    public List<Attachment> forSite(UUID siteId) {
        return database.read(tx -> attachments.findBySite(tx, siteId));
    }

    /**
     * Attaches a file to a site ({@code ownerKind} null) or to one of its entries. Refused, with nothing
     * stored, when the file cannot be read, is empty, or is larger than {@link Limits#ATTACHMENT_BYTES}.
     */
    public Attachment attach(UUID siteId, EntryKind ownerKind, UUID ownerId, Path file, String caption) {
        String name = FileNames.clean(file.getFileName() == null ? file.toString() : file.getFileName().toString());
        long size;
        String sha256;
        try {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new RejectedInput("attachment.unreadable", name);
            }
            size = Files.size(file);
            if (size > Limits.ATTACHMENT_BYTES) {
                throw new RejectedInput("attachment.too-large", name, megabytes(size), megabytes(Limits.ATTACHMENT_BYTES));
            }
            if (size == 0) {
                throw new RejectedInput("attachment.empty", name);
            }
            sha256 = sha256(file);
        } catch (IOException e) {
            throw new RejectedInput("attachment.unreadable", name);
        }
        String mediaType = mediaType(name);
        byte[] thumbnail = mediaType.startsWith("image/") ? thumbnail(file) : null;
        Attachment attachment = new Attachment(UUID.randomUUID(), siteId, ownerKind, ownerId, name, mediaType, size,
                sha256, Limits.shortText(caption), thumbnail != null, null);
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            try (InputStream content = Files.newInputStream(file)) {
                attachments.insert(tx, attachment, content, thumbnail, stamp);
            } catch (BlobStore.RefusedBytes e) {
                throw new RejectedInput("attachment.unreadable", name);  // changed or gone since it was checked
            } catch (IOException e) {
                throw StoreException.of(e, database.folder(), StoreException.Reason.NOT_WRITABLE);
            }
            return null;
        });
        search.changed(SearchKind.ATTACHMENT, attachment.id());
        return new Attachment(attachment.id(), siteId, ownerKind, ownerId, name, mediaType, size, sha256,
                attachment.caption(), thumbnail != null, stamp.at());
    }

    public void setCaption(UUID id, String caption) {
        String checked = Limits.shortText(caption);
        Stamp stamp = identity.stamp();
        database.write(tx -> {
            attachments.updateCaption(tx, id, checked, stamp);
            return null;
        });
        search.changed(SearchKind.ATTACHMENT, id);
    }

    public Optional<byte[]> thumbnail(UUID id) {
        return database.read(tx -> attachments.thumbnail(tx, id));
    }

    /**
     * Extensions of files that run code when the system opens them (programs, scripts, installers, shortcuts,
     * web pages and other documents that run scripts), on Windows, macOS and Linux.
     */
    private static final Set<String> RUNS_CODE = Set.of("exe", "msi", "bat", "cmd", "com", "scr", "pif", "cpl", "ps1",
            "psm1", "vbs", "vbe", "js", "jse", "wsf", "wsh", "hta", "lnk", "url", "reg", "jar", "jnlp", "app", "command",
            "pkg", "dmg", "sh", "bash", "zsh", "csh", "run", "bin", "desktop", "appimage", "deb", "rpm", "py", "pyw", "pl",
            "rb", "php", "html", "htm", "xhtml", "svg", "xml", "mht", "mhtml", "chm", "iso", "img", "vhd", "docm", "xlsm",
            "pptm", "apk", "scpt", "action", "workflow", "msc", "gadget", "inf", "lib", "dll", "so", "dylib");

    /** Why an attachment should not be opened by the system in one click: it runs code, or is not what it says. */
    public enum OpenRisk {
        NONE, RUNS_CODE, NOT_WHAT_IT_SAYS
    }

    /**
     * Whether {@code attachment} may be handed to the system's opener without asking: not when its real
     * extension runs code ({@link #RUNS_CODE}), nor when its declared type, its extension and its first bytes
     * disagree (a "photo" whose bytes are not an image, a ".pdf" that is no PDF).
     */
    public OpenRisk openRisk(Attachment attachment) {
        String name = attachment.fileName();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT).strip();
        if (RUNS_CODE.contains(extension)) {
            return OpenRisk.RUNS_CODE;
        }
        String byName = mediaType(name);
        if (!byName.equals("application/octet-stream") && !byName.equals(attachment.mediaType())) {
            return OpenRisk.NOT_WHAT_IT_SAYS;
        }
        byte[] start = database.read(tx -> attachments.content(tx, attachment.id()))
                .map(bytes -> java.util.Arrays.copyOf(bytes, Math.min(bytes.length, 8))).orElse(new byte[0]);
        return startsAs(attachment.mediaType(), start) ? OpenRisk.NONE : OpenRisk.NOT_WHAT_IT_SAYS;
    }

    /** Whether {@code start} begins as files of {@code mediaType} do (their signatures); true for other types. */
    private static boolean startsAs(String mediaType, byte[] start) {
        String text = new String(start, java.nio.charset.StandardCharsets.ISO_8859_1);
        return switch (mediaType) {
            case "image/jpeg" -> text.startsWith("\u00FF\u00D8\u00FF");
            case "image/png" -> text.startsWith("\u0089PNG");
            case "image/gif" -> text.startsWith("GIF8");
            case "image/bmp" -> text.startsWith("BM");
            case "application/pdf" -> text.startsWith("%PDF");
            default -> true;
        };
    }

    /**
     * Writes the attachment to {@code <data folder>/open/<id>/<file name>} for the OS viewer; returns the file.
     */
    public Path copyForViewing(Attachment attachment) {
        byte[] content = database.read(tx -> attachments.content(tx, attachment.id()))
                .orElseThrow(() -> new RejectedInput("attachment.unreadable", attachment.fileName()));
        Path folder = database.folder().resolve("open").resolve(attachment.id().toString());
        Path file = folder.resolve(FileNames.forDisk(attachment.fileName()));
        try {
            Files.createDirectories(folder);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new RejectedInput("attachment.cannot-open", attachment.fileName());
        }
    }

    static String mediaType(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MEDIA_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    /** A small JPEG preview, or null when the image cannot be decoded (e.g. HEIC). */
    static byte[] thumbnail(Path file) {
        try {
            return thumbnail(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    /** The same from the file's bytes (an attachment arriving in a package). */
    static byte[] thumbnail(byte[] content) {
        try {
            BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(content));
            if (image == null) {
                return null;
            }
            double scale = Math.min(1.0, (double) THUMBNAIL_PIXELS / Math.max(image.getWidth(), image.getHeight()));
            int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
            int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
            BufferedImage small = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D graphics = small.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.setColor(java.awt.Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.drawImage(image, 0, 0, width, height, null);
            graphics.dispose();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Sha256.of(in);
        }
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
