package dev.hexcore.domain.crm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Production tasks of one shop. Writes join the caller's unit of work. */
public interface ProductionTaskRepository {
    void insertAll(List<ProductionTask> tasks);

    Optional<ProductionTask> find(UUID shopId, UUID id);

    /** The task, its row held until the unit of work ends. */
    Optional<ProductionTask> lockForUpdate(UUID shopId, UUID id);

    void update(ProductionTask task);

    /** How many of the order's tasks are not done (cancelled ones aside). */
    int countOpen(UUID orderId);

    /** Cancels the order's tasks that are not done. */
    void cancelOpen(UUID orderId);

    /** Oldest first; optionally only one status, one florist's or one order's. */
    Slice<ProductionTask> list(UUID shopId, ListQuery query, ProductionTask.Status status, UUID floristId, UUID orderId);
}
