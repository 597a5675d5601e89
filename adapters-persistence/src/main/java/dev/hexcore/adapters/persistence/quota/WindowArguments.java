package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.QuotaCounters;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A window as the six script arguments {@code quota-windows.lua} reads: limit, cost, ttl, length, from, resets. */
final class WindowArguments {
    static final int PER_WINDOW = 6;

    private WindowArguments() {
    }

    /**
     * Appends {@code window} with {@code cost} (the amount to add): a sliding window is kept two lengths plus
     * {@link RedisQuotaCounters#FORGET_AFTER} after a count, a fixed one until {@code FORGET_AFTER} after it resets.
     */
    static void add(List<String> args, Window window, long cost, Instant now) {
        args.add(String.valueOf(window.limit()));
        args.add(String.valueOf(cost));
        if (window.isSliding()) {
            long length = window.length().toNanos() / 1_000;
            args.add(String.valueOf(window.length().multipliedBy(2).plus(RedisQuotaCounters.FORGET_AFTER).toMillis()));
            args.add(String.valueOf(length));
            args.add("(" + (QuotaCounters.micros(now) - length));
            args.add("0");
        } else {
            args.add(String.valueOf(Math.max(1,
                    Duration.between(now, window.resetsAt()).plus(RedisQuotaCounters.FORGET_AFTER).toMillis())));
            args.add("0");
            args.add("");
            args.add(String.valueOf(QuotaCounters.micros(window.resetsAt())));
        }
    }
}
