package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelKeyConfig;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.generation.ProviderQuotaClock;
import dev.hexcore.domain.generation.QuotaCounters;
import dev.hexcore.domain.generation.QuotaCounters.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The quotas of one provider project (null = none) and the fixed windows that count them. Counter names end with the
 * window's start in epoch seconds, so each minute and day has its own counter.
 */
record ProjectQuota(Integer requestsPerMinute, Integer requestsPerDay, Integer tokensPerMinute) {
    /** The limit of a window without quota: never reached, and exact as a double (Lua numbers) too. */
    static final long UNLIMITED = 1L << 52;

    static ProjectQuota of(ModelKeyConfig key) {
        return new ProjectQuota(key.requestsPerMinute(), key.requestsPerDay(), key.tokensPerMinute());
    }

    /** The smaller of each limit: keys of one project configured differently get the strictest quota. */
    ProjectQuota strictest(ProjectQuota other) {
        return new ProjectQuota(min(requestsPerMinute, other.requestsPerMinute), min(requestsPerDay, other.requestsPerDay),
                min(tokensPerMinute, other.tokensPerMinute));
    }

    /**
     * The windows one request must fit: one request in this minute and this day, some tokens left this minute.
     * Requests are counted even without a limit, so the status shows them.
     */
    List<Window> windows(String scope, String provider, ProviderQuotaClock clock, Instant now) {
        List<Window> windows = new ArrayList<>(3);
        windows.add(minuteWindow(scope, "rpm", orUnlimited(requestsPerMinute), 1, clock, now));
        windows.add(dayWindow(scope, provider, orUnlimited(requestsPerDay), clock, now));
        if (tokensPerMinute != null) windows.add(minuteWindow(scope, "tpm", tokensPerMinute, 0, clock, now));
        return windows;
    }

    /** This minute's tokens window (also counted without a limit, for the status). */
    Window tokensWindow(String scope, ProviderQuotaClock clock, Instant now) {
        return minuteWindow(scope, "tpm", orUnlimited(tokensPerMinute), 0, clock, now);
    }

    ModelKeyStatus.ModelUsage usage(String model, String scope, String provider, QuotaCounters counters,
                                    ProviderQuotaClock clock, Instant now) {
        String rpm = minuteWindow(scope, "rpm", 0, 1, clock, now).counter();
        String rpd = dayWindow(scope, provider, 0, clock, now).counter();
        String tpm = minuteWindow(scope, "tpm", 0, 0, clock, now).counter();
        Map<String, Long> used = counters.usage(List.of(rpm, rpd, tpm));
        long minute = used.getOrDefault(rpm, 0L);
        long day = used.getOrDefault(rpd, 0L);
        long tokens = used.getOrDefault(tpm, 0L);
        return new ModelKeyStatus.ModelUsage(model, minute, left(requestsPerMinute, minute), day, left(requestsPerDay, day),
                tokens, left(tokensPerMinute, tokens));
    }

    private static Window minuteWindow(String scope, String quota, long limit, long cost, ProviderQuotaClock clock,
                                       Instant now) {
        Instant start = clock.minuteStart(now);
        return new Window(scope + "|" + quota + "|" + start.getEpochSecond(), clock.nextMinuteStart(now), limit, cost);
    }

    private static Window dayWindow(String scope, String provider, long limit, ProviderQuotaClock clock, Instant now) {
        Instant start = clock.dayStart(provider, now);
        return new Window(scope + "|rpd|" + start.getEpochSecond(), clock.nextDayStart(provider, now), limit, 1);
    }

    private static long orUnlimited(Integer limit) {
        return limit == null ? UNLIMITED : limit;
    }

    private static Long left(Integer limit, long used) {
        return limit == null ? null : Math.max(0, limit - used);
    }

    private static Integer min(Integer a, Integer b) {
        if (a == null) return b;
        if (b == null) return a;
        return Math.min(a, b);
    }
}
