package dev.hexcore.application.profile.fakes;

import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Writes one line per profile (its id), so tests can read back what an export held and in which order. */
public final class LineWriter implements ProfileDocumentWriter {
    private final ExportFormat format;
    private int failuresLeft;
    private Consumer<Profile> beforeEachWrite = p -> { };

    public LineWriter(ExportFormat format) {
        this.format = format;
    }

    /** The next {@code times} files fail on their first profile with an IOException. */
    public void failNext(int times) {
        failuresLeft = times;
    }

    public void beforeEachWrite(Consumer<Profile> hook) {
        beforeEachWrite = hook;
    }

    @Override
    public ExportFormat format() {
        return format;
    }

    @Override
    public Session open(OutputStream out) {
        boolean fail = failuresLeft > 0;
        if (fail) failuresLeft--;
        return new Session() {
            @Override
            public void write(Profile profile) throws IOException {
                beforeEachWrite.accept(profile);
                if (fail) throw new IOException("disk full at /secret/path");
                out.write((profile.id() + "\n").getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
            }
        };
    }
}
