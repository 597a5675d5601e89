package dev.hexcore.bootstrap.ops;

import dev.hexcore.domain.profile.PersonaSource;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import dev.hexcore.domain.profile.ProfileGenerator;
import dev.hexcore.domain.profile.ProfileLocale;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Loads Datafaker's word lists and parses the PDF fonts in the background right after start (about a second of
 * work), so the first generate or export request does not pay for it. Nothing is stored.
 */
@ApplicationScoped
public class DocumentWarmup {
    private static final Logger LOG = Logger.getLogger(DocumentWarmup.class);
    private final PersonaSource personas;
    private final Instance<ProfileDocumentWriter> writers;

    public DocumentWarmup(PersonaSource personas, Instance<ProfileDocumentWriter> writers) {
        this.personas = personas;
        this.writers = writers;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().daemon().name("document-warmup").start(this::warmUp);
    }

    private void warmUp() {
        long started = System.nanoTime();
        try {
            Instant now = Instant.now();
            List<Profile> sample = new ProfileGenerator(personas).generate(1, 2, ProfileLocale.RU, LocalDate.ofInstant(now, ZoneOffset.UTC))
                    .stream().map(p -> Profile.create(UUID.randomUUID(), p, "warm-up", now, null)).toList();
            for (ProfileDocumentWriter writer : writers) {
                try (ProfileDocumentWriter.Session session = writer.open(OutputStream.nullOutputStream())) {
                    for (Profile profile : sample) session.write(profile);
                }
            }
            LOG.debugf("Document generation warmed up in %d ms", (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.warnf("Document warm-up failed (the first request will load what it needs): %s", e.toString());
        }
    }
}
