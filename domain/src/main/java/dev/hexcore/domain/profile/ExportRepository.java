package dev.hexcore.domain.profile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Export rows. Writes join the caller's unit of work. */
public interface ExportRepository {
    /** Inserts or updates. */
    void save(Export export);

    Optional<Export> findById(UUID id);

    /** Succeeded exports completed before {@code before}, oldest first: candidates for file cleanup. */
    List<Export> findSucceededBefore(Instant before, int limit);
}
