package dev.hexcore.bootstrap.launch;

import java.nio.file.Path;

/**
 * Starts a local PostgreSQL for the embedded defaults. The implementation (zonky) is only on the JVM build's class
 * path and found through {@link java.util.ServiceLoader}; the native build has none and needs a configured database.
 * Which port, and whether a server already runs for the folder, is decided by {@link EmbeddedDatabase}.
 */
public interface EmbeddedPostgres {
    /** Starts a server keeping its data under {@code dataDir} (created on first use) on {@code port}. */
    Server start(Path dataDir, int port) throws Exception;

    /** A running server; closing stops it. */
    interface Server extends AutoCloseable {
        @Override
        void close() throws Exception;
    }
}
