package dev.hexcore.bootstrap.embedded;

import dev.hexcore.bootstrap.launch.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** zonky's embedded PostgreSQL 17, data kept in {@code dataDir} across restarts. */
public final class ZonkyEmbeddedPostgres implements EmbeddedPostgres {
    @Override
    public Server start(Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir.getParent());
        boolean fresh = !Files.isRegularFile(dataDir.resolve("PG_VERSION"));
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start();
        System.out.println((fresh ? "Created" : "Started") + " embedded PostgreSQL on port " + port + " with data in " + dataDir);
        return server::close;
    }
}
