package dev.hexcore.domain.crm;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Supplies of one shop. */
public interface SupplyRepository {
    void insert(Supply supply);

    Optional<Supply> find(UUID shopId, UUID id);

    /** Newest first; {@code search} matches the supplier. */
    Slice<Supply> list(UUID shopId, ListQuery query);

    /**
     * Marks a pending supply received, as a conditional update: true for exactly one caller however many race; false
     * when it was received already.
     */
    boolean markReceived(UUID shopId, UUID id, UUID by, Instant now);
}
