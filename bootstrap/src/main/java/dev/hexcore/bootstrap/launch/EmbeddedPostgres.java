package dev.hexcore.bootstrap.launch;

import java.nio.file.Path;

/**
 * Starts a local PostgreSQL for the embedded defaults. The implementation (zonky) is only on the JVM build's class
 * path and found through {@link java.util.ServiceLoader}; the native build has none and needs a configured database.
 */
public interface EmbeddedPostgres {
    /** Starts (or reuses, if one already serves the port) a server keeping its data under {@code dataDir}; returns the JDBC URL. */
    String start(Path dataDir, int port) throws Exception;
}
