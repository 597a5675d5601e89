package dev.hexcore.bootstrap.launch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded PostgreSQL of one data folder, and never anyone else's (ADR 0011).
 * <ul>
 * <li>One process owns the folder at a time: it holds an OS lock on {@code <folder>/hexcore.lock}, which the OS
 * releases however the process ends.</li>
 * <li>The owner starts the database on {@code hexcore.embedded.postgres-port} when that is set (a port in use is
 * refused, never joined), else on the port remembered in {@code <folder>/postgres.port} when it is free, else on a
 * free port, which it then remembers.</li>
 * <li>A database left running for this folder by an owner that died is adopted: PostgreSQL's own
 * {@code postmaster.pid} tells its process and port.</li>
 * <li>A second server on the same folder is refused. An operator command ({@code admin:create}, ...) joins the
 * running owner's database, or owns the folder itself when no server runs.</li>
 * <li>Whatever is started, adopted or joined, {@code SHOW data_directory} must name this folder's database.</li>
 * </ul>
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String LOCK_FILE = "hexcore.lock";
    static final String PORT_FILE = "postgres.port";
    static final String DATABASE_DIR = "postgres";
    private static final Duration WAIT_FOR_READY = Duration.ofSeconds(60);

    private final String jdbcUrl;
    private final FileChannel lock;
    private final EmbeddedPostgres.Server started;

    private EmbeddedDatabase(String jdbcUrl, FileChannel lock, EmbeddedPostgres.Server started) {
        this.jdbcUrl = jdbcUrl;
        this.lock = lock;
        this.started = started;
    }

    /**
     * The database of {@code folder}, started, adopted or joined as described above.
     *
     * @param pinnedPort       {@code hexcore.embedded.postgres-port}, or empty to let the folder pick and remember one
     * @param operatorCommand  whether this process runs an operator command, which may share a running server's database
     * @throws IllegalStateException with a message for the operator when the folder or the port belongs to someone else
     */
    public static EmbeddedDatabase open(EmbeddedPostgres postgres, Path folder, Optional<Integer> pinnedPort,
                                        boolean operatorCommand) throws Exception {
        Files.createDirectories(folder);
        Path database = folder.resolve(DATABASE_DIR);
        FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (!tryLock(channel)) {
            channel.close();
            if (!operatorCommand) {
                throw new IllegalStateException("Another Hexcore is running on the data folder " + folder
                        + Postmaster.of(database).map(p -> " (its embedded PostgreSQL listens on port " + p.port() + ")").orElse("")
                        + ". Stop it, or give this instance a data folder of its own (HEXCORE_DATA_DIR).");
            }
            String url = url(Postmaster.awaitReady(database, WAIT_FOR_READY).port());
            verify(url, database);
            return new EmbeddedDatabase(url, null, null);
        }
        try {
            Optional<Postmaster> left = Postmaster.of(database);
            if (left.isPresent()) {
                String url = url(Postmaster.awaitReady(database, WAIT_FOR_READY).port());
                verify(url, database);
                System.out.println("Using the embedded PostgreSQL left running for " + database + " (pid "
                        + left.get().pid() + ", port " + left.get().port() + ")");
                return new EmbeddedDatabase(url, channel, null);
            }
            int port = choosePort(folder, pinnedPort);
            EmbeddedPostgres.Server server = postgres.start(database, port);
            try {
                Files.writeString(folder.resolve(PORT_FILE), port + "\n");
                verify(url(port), database);
            } catch (Exception e) {
                server.close();
                throw e;
            }
            return new EmbeddedDatabase(url(port), channel, server);
        } catch (Exception e) {
            channel.close();
            throw e;
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Stops the database if this process started it, and gives up the folder. */
    @Override
    public void close() throws Exception {
        try {
            if (started != null) started.close();
        } finally {
            if (lock != null) lock.close();
        }
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false;   // this JVM holds it already
        }
    }

    private static int choosePort(Path folder, Optional<Integer> pinned) throws IOException {
        if (pinned.isPresent()) {
            int port = pinned.get();
            if (!free(port)) {
                throw new IllegalStateException("Port " + port + " (HEXCORE_EMBEDDED_POSTGRES_PORT) is in use by another"
                        + " process; the embedded PostgreSQL of " + folder + " needs a port of its own. Choose another"
                        + " port, or unset the variable to let Hexcore pick a free one.");
            }
            return port;
        }
        Optional<Integer> remembered = remembered(folder.resolve(PORT_FILE));
        if (remembered.isPresent() && free(remembered.get())) return remembered.get();
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static Optional<Integer> remembered(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            int port = Integer.parseInt(Files.readString(file).trim());
            return port > 0 && port < 65536 ? Optional.of(port) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    /** Refuses a server that keeps its data anywhere but {@code database}. */
    static void verify(String url, Path database) throws SQLException, IOException {
        Properties credentials = new Properties();
        credentials.setProperty("user", "postgres");
        credentials.setProperty("password", "");
        try (Connection connection = new org.postgresql.Driver().connect(url, credentials);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("show data_directory")) {
            result.next();
            Path served = Path.of(result.getString(1));
            if (!Files.exists(served) || !Files.isSameFile(served, database)) {
                throw new IllegalStateException("The PostgreSQL at " + url + " keeps its data in " + served + ", not in "
                        + database + "; refusing to use another instance's database.");
            }
        }
    }

    /** What PostgreSQL writes to {@code postmaster.pid} while it runs: pid, data directory, start, port, ..., status. */
    record Postmaster(long pid, int port, String status) {
        /** The server running for {@code database}, if its {@code postmaster.pid} names a live process. */
        static Optional<Postmaster> of(Path database) throws IOException {
            Path file = database.resolve("postmaster.pid");
            if (!Files.isRegularFile(file)) return Optional.empty();
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return Optional.empty();   // removed while reading: the server stopped
            }
            if (lines.size() < 4) return Optional.empty();   // still being written
            try {
                long pid = Long.parseLong(lines.get(0).trim());
                int port = Integer.parseInt(lines.get(3).trim());
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                return alive ? Optional.of(new Postmaster(pid, port, lines.size() > 7 ? lines.get(7).trim() : "")) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }

        static Postmaster awaitReady(Path database, Duration timeout) throws IOException, InterruptedException {
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Optional<Postmaster> found = of(database);
                if (found.isPresent() && found.get().status().equals("ready")) return found.get();
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("The Hexcore that owns " + database.getParent() + " has no embedded"
                            + " PostgreSQL ready after " + timeout.toSeconds() + " s; try again once it has started.");
                }
                Thread.sleep(200);
            }
        }
    }
}
