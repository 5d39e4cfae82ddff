package ma.etamkeen.rihla.store;

import java.nio.file.Path;

import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@link FilePath#register}) whose paths have ";" and "%" escaped as "%3B" and "%25".
 * H2 reads everything after the first ";" of a database URL as settings, with no way to escape it (H2's
 * {@code ConnectionInfo}); through this scheme a data folder may be named "Rihla; copie 2" and no part of a
 * path is ever read as a setting. Every file operation goes to the real file of the unescaped path.
 * Public, with a public constructor: H2 makes one per path by reflection.
 */
public final class EscapedFilePath extends FilePathWrapper {
    private static final String SCHEME = "rihla";

    static {
        FilePath.register(new EscapedFilePath());
    }

    /** For H2 only. */
    public EscapedFilePath() {
    }

    /** The name H2 is given for {@code file} (absolute), under this scheme. */
    static String nameOf(Path file) {
        return SCHEME + ":" + escape(file.toAbsolutePath().toString());
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FilePathWrapper wrap(FilePath base) {
        return base == null ? null : getPath(getPrefix() + escape(base.name));
    }

    @Override
    protected FilePath unwrap(String path) {
        return FilePath.get(unescape(path.substring(getScheme().length() + 1)));
    }

    static String escape(String path) {
        return path.replace("%", "%25").replace(";", "%3B");
    }

    static String unescape(String path) {
        StringBuilder plain = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            if (path.startsWith("%3B", i)) {
                plain.append(';');
                i += 2;
            } else if (path.startsWith("%25", i)) {
                plain.append('%');
                i += 2;
            } else {
                plain.append(path.charAt(i));
            }
        }
        return plain.toString();
    }
}
