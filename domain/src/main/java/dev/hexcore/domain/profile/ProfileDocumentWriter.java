package dev.hexcore.domain.profile;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes profiles into one export file, one at a time, so an export of any size is streamed. One implementation per
 * {@link ExportFormat}.
 */
public interface ProfileDocumentWriter {
    ExportFormat format();

    /** Starts a file on {@code out}; the caller closes the session (which finishes the file) and then {@code out}. */
    Session open(OutputStream out) throws IOException;

    interface Session extends AutoCloseable {
        void write(Profile profile) throws IOException;

        /** Finishes the file (closing brackets, PDF trailer); does not close the underlying stream. */
        @Override
        void close() throws IOException;
    }
}
