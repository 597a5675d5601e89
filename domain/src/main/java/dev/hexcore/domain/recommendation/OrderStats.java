package dev.hexcore.domain.recommendation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a customer ordered in the statistics window (seed 000's OrderStats): cancelled orders do not count. Amounts are
 * decimals with two places in {@code currency} (the currency of the latest order); days are ISO day names in English
 * ("monday"), hours 0..23, both in UTC and most frequent first.
 */
public record OrderStats(int ordersCount, BigDecimal totalSpent, BigDecimal averageOrderValue, String currency,
                         List<ProductCount> favouriteProducts, List<String> preferredDays, List<Integer> preferredHours,
                         Instant lastOrderAt) {
    /** A product and how many pieces of it were ordered. */
    public record ProductCount(String name, long count) { }

    public OrderStats {
        favouriteProducts = List.copyOf(favouriteProducts);
        preferredDays = List.copyOf(preferredDays);
        preferredHours = List.copyOf(preferredHours);
    }
}
