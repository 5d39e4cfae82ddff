package ma.etamkeen.rihla.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where a laptop syncs: a folder (a USB stick, a network share, a cloud-synced folder) or a PostgreSQL server.
 * Written as a folder's path, or as {@code postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=MODE]}: the
 * libpq URI form (PostgreSQL documentation, "Connection URIs"), port 5432 by default, TLS required unless
 * {@code sslmode} says otherwise ({@code disable}, {@code prefer}, {@code verify-full} …, as the JDBC driver
 * reads it).
 *
 * @param password null when not given: it is never part of {@link #text()}, which is what settings, logs and
 *                 messages show
 */
public record HubAddress(Path folder, String host, int port, String database, String user, String password,
                         String sslMode) {
    /** The PostgreSQL port a server listens on unless told otherwise. */
    public static final int DEFAULT_PORT = 5432;
    /** TLS on by default: the driver refuses a server that does not offer it. */
    public static final String DEFAULT_SSL_MODE = "require";

    public static HubAddress folder(Path folder) {
        return new HubAddress(folder.toAbsolutePath().normalize(), null, 0, null, null, null, null);
    }

    public static HubAddress server(String host, int port, String database, String user, String password, boolean tls) {
        return new HubAddress(null, host, port, database, user, password, tls ? DEFAULT_SSL_MODE : "disable");
    }

    /**
     * Reads an address as a user writes it.
     *
     * @throws RejectedInput {@code sync.bad-address}
     */
    public static HubAddress parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new RejectedInput("sync.bad-address", trimmed);
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            try {
                return folder(Path.of(trimmed));
            } catch (InvalidPathException e) {
                throw new RejectedInput("sync.bad-address", trimmed);
            }
        }
        try {
            URI uri = new URI(trimmed);
            String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || database.isEmpty() || uri.getRawUserInfo() == null) {
                throw new RejectedInput("sync.bad-address", withoutPassword(trimmed));
            }
            String[] userInfo = uri.getRawUserInfo().split(":", 2);
            String sslMode = DEFAULT_SSL_MODE;
            if (uri.getRawQuery() != null) {
                for (String parameter : uri.getRawQuery().split("&")) {
                    String[] pair = parameter.split("=", 2);
                    if (pair.length == 2 && pair[0].equals("sslmode")) {
                        sslMode = decode(pair[1]);
                    }
                }
            }
            return new HubAddress(null, uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), decode(database),
                    decode(userInfo[0]), userInfo.length == 2 ? decode(userInfo[1]) : null, sslMode);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new RejectedInput("sync.bad-address", withoutPassword(trimmed));
        }
    }

    public boolean isFolder() {
        return folder != null;
    }

    /** The same address with {@code password} (from the settings' safe or the sync settings window). */
    public HubAddress withPassword(String newPassword) {
        return new HubAddress(folder, host, port, database, user, newPassword, sslMode);
    }

    /** The address as settings keep it and messages show it: a folder's path, or the URI without its password. */
    public String text() {
        if (isFolder()) {
            return folder.toString();
        }
        String query = sslMode.equals(DEFAULT_SSL_MODE) ? "" : "?sslmode=" + sslMode;
        return "postgresql://" + encode(user) + "@" + host + (port == DEFAULT_PORT ? "" : ":" + port) + "/"
                + encode(database) + query;
    }

    /**
     * The JDBC URL of a server, with {@code sslmode} and time limits in seconds (pgjdbc's {@code connectTimeout},
     * {@code socketTimeout}: a cut network fails a sync instead of hanging it); the user and the password are
     * given apart, so that the URL can be logged.
     */
    String jdbcUrl() {
        return "jdbc:postgresql://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/" + encode(database)
                + "?sslmode=" + encode(sslMode) + "&connectTimeout=10&socketTimeout=300&ApplicationName=Rihla";
    }

    @Override
    public String toString() {
        return text();  // never the password
    }

    /**
     * An address that could not be read, as a message may show it: everything before its last "@" (a user and a
     * password, which may hold "@", ":" or "/" themselves when not percent-encoded) left out.
     */
    private static String withoutPassword(String text) {
        int at = text.lastIndexOf('@');
        return at < 0 ? text : text.substring(0, text.indexOf("://") + 3) + "…" + text.substring(at);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
