package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.ProductionTask;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.identity.Actor;
import java.util.UUID;

/**
 * Florists' tasks, one per item of a confirmed order. Starting the first task moves the order to
 * {@code in_production}; completing the last moves it to {@code ready}; both are recorded in the order's history.
 */
public interface ProductionTasksUseCase {
    Slice<ProductionTask> list(Actor actor, UUID shopId, ListQuery query, ProductionTask.Status status, UUID floristId,
                               UUID orderId);

    ProductionTask assign(Actor actor, UUID shopId, UUID taskId, UUID floristId);

    ProductionTask start(Actor actor, UUID shopId, UUID taskId);

    ProductionTask complete(Actor actor, UUID shopId, UUID taskId);
}
