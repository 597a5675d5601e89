package dev.hexcore.domain.port;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where generated files live (a local directory on embedded defaults). Keys are relative paths of letters, digits,
 * '-', '_', '.' and '/'. A write becomes visible only once complete: a reader never sees half a file.
 */
public interface FileStorage {
    @FunctionalInterface
    interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the whole file and returns its size in bytes; replaces an existing file with the same key. */
    long write(String key, Writer writer) throws IOException;

    /** Opens a stored file, or empty if there is none under that key. */
    Optional<InputStream> open(String key) throws IOException;

    /** Removes the file; true if it existed. */
    boolean delete(String key) throws IOException;
}
