package dev.hexcore.domain.recommendation;

import java.time.Instant;
import java.util.List;

/** Query port over the CRM's orders for recommendations (read path: one statement per call). */
public interface OrderStatsReader {
    /** The statistics of the scope's orders created at or after {@code since}; zero orders gives zero counts. */
    OrderStats stats(OrderScope scope, Instant since);

    /** Telegram ids whose customers (over every shop) placed at least {@code minimum} orders since {@code since}. */
    List<Long> telegramIdsWithOrders(Instant since, int minimum);
}
