package ma.etamkeen.rihla.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ma.etamkeen.rihla.service.HubAddress;

/**
 * A real PostgreSQL server for the tests, started once per test JVM from the machine's PostgreSQL binaries
 * ({@code RIHLA_PG_BIN}, else {@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/N/bin}; .ci/run
 * installs them) in a temporary cluster on a free port, with password authentication (SCRAM), and stopped when
 * the JVM exits. As root, the cluster runs as the {@code postgres} user (initdb refuses root). No binaries: the
 * tests that need it fail, saying so — never a stand-in.
 */
public final class PostgresServer {
    public static final String USER = "rihla_admin";
    public static final String PASSWORD = "s3cret-for-tests";
    private static PostgresServer shared;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path folder;
    private final int port;

    private PostgresServer(Path bin, Path folder, int port) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresServer shared() throws Exception {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public int port() {
        return port;
    }

    /** A new, empty database on the server and the address a laptop reaches it at (TLS off: a local test server). */
    public HubAddress newDatabase(String prefix) throws SQLException {
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = admin("postgres"); var statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return HubAddress.server("localhost", port, name, USER, PASSWORD, false);
    }

    /** A superuser connection to {@code database}. */
    public Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/" + database, USER, PASSWORD);
    }

    /** Kills every connection Rihla has open to {@code database} (pg_terminate_backend): a network cut. */
    public int cutConnections(String database) throws SQLException {
        try (Connection admin = admin("postgres"); var statement = admin.createStatement();
             var killed = statement.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                     + " WHERE datname = '" + database + "' AND application_name = 'Rihla'")) {
            killed.next();
            return killed.getInt(1);
        }
    }

    private static PostgresServer start() throws Exception {
        Path bin = binaries();
        Path folder = Files.createTempDirectory("rihla-pg");
        Path data = folder.resolve("data");
        Path passwordFile = folder.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", folder.toString()), folder);
        }
        run(asPostgres(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", USER, "-E", "UTF8",
                "--locale=C", "--auth=scram-sha-256", "--pwfile=" + passwordFile), folder);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        // fsync off: the tests' server, not the hub's durability, which is PostgreSQL's own.
        run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", folder.resolve("log").toString(),
                "-w", "-o", "-p " + port + " -k " + folder + " -c listen_addresses=localhost -c fsync=off"
                        + " -c max_connections=300", "start"), folder);
        return new PostgresServer(bin, folder, port);
    }

    private void stop() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asPostgres(root, bin.resolve("pg_ctl").toString(), "-D", folder.resolve("data").toString(), "-m",
                    "immediate", "stop"), folder);
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
        } catch (Exception e) {
            System.err.println("Could not stop the test PostgreSQL server in " + folder + ": " + e.getMessage());
        }
    }

    private static List<String> asPostgres(boolean root, String... command) {
        List<String> line = new ArrayList<>();
        if (root) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        return line;
    }

    private static Path binaries() throws IOException, InterruptedException {
        String configured = System.getenv("RIHLA_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        try {
            Process config = new ProcessBuilder("pg_config", "--bindir").redirectErrorStream(true).start();
            String out = new String(config.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (config.waitFor() == 0 && Files.isExecutable(Path.of(out, "initdb"))) {
                return Path.of(out);
            }
        } catch (IOException e) {
            // no pg_config on the PATH: look where Debian puts the servers
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(version -> version.resolve("bin"))
                        .filter(candidate -> Files.isExecutable(candidate.resolve("initdb")))
                        .max(Comparator.comparing(candidate -> Integer.parseInt(candidate.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            }
        }
        throw new IllegalStateException("No PostgreSQL server binaries (initdb, pg_ctl) on this machine: install them"
                + " (.ci/run does: apt-get install postgresql) or set RIHLA_PG_BIN to their folder.");
    }

    private static void run(List<String> command, Path folder) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
