package dev.hexcore.adapters.documents.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Writes a JSON array of profiles, one object per profile in the shape of {@link ExportedProfile} under the rules of
 * {@link ProfileJson} (the same body as {@code GET /api/v1/profiles/{id}}). An export with no profile is {@code []}.
 *
 * <p>The array is streamed: each profile is serialised into the generator's small fixed buffer, which goes to the
 * output stream whenever it fills, and the stream is flushed every {@value #FLUSH_EVERY} profiles. Memory stays flat
 * whatever the number of profiles; nothing keeps a reference to a profile once it is written. Sessions are not
 * thread-safe; the writer itself is, and is shared.
 */
@ApplicationScoped
public class JsonProfileWriter implements ProfileDocumentWriter {
    static final int FLUSH_EVERY = 256;

    private final ObjectMapper mapper;
    private final ObjectWriter profileWriter;

    public JsonProfileWriter() {
        this.mapper = ProfileJson.newMapper();
        this.profileWriter = mapper.writerFor(ExportedProfile.class)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.JSON;
    }

    @Override
    public Session open(OutputStream out) throws IOException {
        Objects.requireNonNull(out, "out");
        JsonGenerator generator = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.writeStartArray();
        return new JsonSession(generator, profileWriter);
    }

    private static final class JsonSession implements Session {
        private final JsonGenerator generator;
        private final ObjectWriter profileWriter;
        private long written;
        private boolean closed;

        JsonSession(JsonGenerator generator, ObjectWriter profileWriter) {
            this.generator = generator;
            this.profileWriter = profileWriter;
        }

        @Override
        public void write(Profile profile) throws IOException {
            if (closed) throw new IllegalStateException("The export file is already finished");
            profileWriter.writeValue(generator, ExportedProfile.from(profile));
            if (++written % FLUSH_EVERY == 0) generator.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) return;
            closed = true;
            generator.writeEndArray();
            generator.close(); // flushes into the stream but leaves it open (AUTO_CLOSE_TARGET is off)
        }
    }
}
