package ma.etamkeen.rihla.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import ma.etamkeen.rihla.store.AtomicFiles;
import ma.etamkeen.rihla.store.Json;

/**
 * A hub that is a folder every laptop reaches now and then: a USB stick, a network share, a cloud-synced folder.
 * It holds {@code rihla-hub.json} (the hub's id) and {@code laptops/<laptop id>/<number>.rihla}: each laptop's
 * change sets, numbered from 1, as {@code .rihla} packages. A laptop only ever adds files, and only in its own
 * folder, each written under a temporary name and renamed when complete, never over an existing file; it never
 * rewrites or deletes a file. Anything else — another laptop's file still being copied (refused whole by its
 * checksums, read again at the next sync), a cloud service's "conflicted copy", a foreign file — is left alone.
 * A laptop also reads back the files of its own folder past the last one it knows of: written before a backup it
 * restored since, or by a copy of its data folder on another laptop. It numbers on from the last number it knows,
 * even when its folder was removed meanwhile (then it sends everything again: {@link #forgot()}).
 */
final class FolderHub implements Hub {
    static final String ID_FILE = "rihla-hub.json";
    /** The layout of a folder hub this Rihla writes and reads; a newer one is refused ({@code sync.hub-newer}). */
    static final int FORMAT = 1;
    static final String LAPTOPS = "laptops";
    /** A change set's name: its number, eight digits. Anything else in a laptop's folder is not read. */
    private static final Pattern CHANGE_SET = Pattern.compile("(\\d{8})\\.rihla");
    private static final Pattern LAPTOP = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path root;
    private final String laptop;
    private final Function<Path, ExchangePackage> reader;
    private final String id;
    /** The number of this laptop's last change set that its store knows of (its own cursor). */
    private long known;
    /** The highest number in this laptop's own folder, as last listed. */
    private long listed;

    /**
     * Opens the hub in {@code root}, preparing it on the first sync (its id file).
     *
     * @param laptop this laptop's id: the name of its folder
     * @param reader reads and checks a package whole ({@link ExchangeService#read})
     * @throws RejectedInput {@code sync.folder-missing} when the folder cannot be reached, {@code sync.folder-not-folder}
     *                       for a file, {@code sync.folder-unwritable} when its id cannot be written,
     *                       {@code sync.folder-foreign} when its id cannot be read, {@code sync.hub-newer}
     */
    FolderHub(Path root, UUID laptop, Function<Path, ExchangePackage> reader) {
        this.root = root;
        this.laptop = laptop.toString();
        this.reader = reader;
        if (Files.isRegularFile(root)) {
            throw new RejectedInput("sync.folder-not-folder", root);
        }
        if (!Files.isDirectory(root)) {
            throw new RejectedInput("sync.folder-missing", root);
        }
        this.id = readOrCreateId();
    }

    private String readOrCreateId() {
        Path file = root.resolve(ID_FILE);
        if (!Files.exists(file)) {
            try {
                Path part = AtomicFiles.temporaryBeside(file);
                Files.writeString(part, "{\"hub\": \"" + UUID.randomUUID() + "\", \"format\": " + FORMAT + "}\n",
                        StandardCharsets.UTF_8);
                AtomicFiles.sync(part);
                try {
                    Files.move(part, file);  // not over one another laptop wrote meanwhile: the first one stays
                } catch (FileAlreadyExistsException e) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                throw new RejectedInput("sync.folder-unwritable", root, e.getMessage());
            }
        }
        JsonNode id;
        try {
            id = Json.MAPPER.readTree(file.toFile());
            UUID.fromString(id.path("hub").asText(""));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new RejectedInput("sync.folder-foreign", root, ID_FILE);
        }
        if (id.path("format").asInt(1) > FORMAT) {
            throw new RejectedInput("sync.hub-newer", root, id.path("format").asInt());
        }
        return id.path("hub").asText();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public List<Batch> unread(Map<String, Long> cursors) {
        List<Batch> batches = new ArrayList<>();
        Path laptops = root.resolve(LAPTOPS);
        known = cursors.getOrDefault(laptop, 0L);
        listed = 0;
        if (!Files.isDirectory(laptops)) {
            return batches;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(laptops)) {
            List<Path> sorted = new ArrayList<>();
            folders.forEach(sorted::add);
            sorted.sort(Comparator.comparing(Path::toString));
            for (Path folder : sorted) {
                String source = folder.getFileName().toString();
                if (!LAPTOP.matcher(source).matches() || !Files.isDirectory(folder)) {
                    continue;
                }
                long read = cursors.getOrDefault(source, 0L);
                List<Long> numbers = numbers(folder);
                if (source.equals(laptop)) {
                    listed = numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
                }
                for (long number : numbers) {
                    if (number > read) {
                        Path file = folder.resolve(name(number));
                        batches.add(new Batch(source, number, source + "/" + file.getFileName(), true, () -> reader.apply(file)));
                    }
                }
            }
        } catch (IOException e) {
            throw new RejectedInput("sync.folder-missing", root);
        }
        return batches;
    }

    @Override
    public boolean forgot() {
        return listed < known;
    }

    /**
     * Writes the change set as this laptop's next file: numbered on from the highest it knows of or sees, written
     * under a temporary name, then renamed to a name no file holds yet (another copy of this data folder may be
     * writing the same number at the same moment: the next number then).
     */
    @Override
    public Pushed push(ChangeSet changes) {
        Path mine = root.resolve(LAPTOPS).resolve(laptop);
        try {
            Files.createDirectories(mine);
            List<Long> numbers = numbers(mine);
            long next = Math.max(known, numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1)) + 1;
            Path part = mine.resolve(AtomicFiles.PREFIX + UUID.randomUUID() + AtomicFiles.PART);
            changes.writePackage(part);
            for (int tries = 0; ; tries++) {
                try {
                    Files.move(part, mine.resolve(name(next)));  // never over an existing file
                    break;
                } catch (FileAlreadyExistsException taken) {
                    if (tries == 100) {
                        Files.deleteIfExists(part);
                        throw taken;
                    }
                    next++;
                }
            }
            AtomicFiles.syncFolder(mine);
            // A folder refuses nothing: each laptop settles what it reads.
            return new Pushed(changes.records().stream().map(out -> out.record().id()).collect(Collectors.toSet()),
                    Set.of(), laptop, next);
        } catch (IOException e) {
            throw new RejectedInput("sync.folder-unwritable", root, e.getMessage());
        }
    }

    /** The numbers of the change sets in a laptop's folder, in order (other files left out). */
    private static List<Long> numbers(Path folder) throws IOException {
        List<Long> numbers = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                Matcher matcher = CHANGE_SET.matcher(file.getFileName().toString());
                if (matcher.matches()) {
                    numbers.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        numbers.sort(null);
        return numbers;
    }

    private static String name(long number) {
        return String.format(java.util.Locale.ROOT, "%08d.rihla", number);
    }

    @Override
    public void close() {
        // nothing held open between calls
    }
}
