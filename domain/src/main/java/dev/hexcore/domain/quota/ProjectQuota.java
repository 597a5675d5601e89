package dev.hexcore.domain.quota;

import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The quotas of one provider project (null = none) and the windows that count them: requests per minute in a sliding
 * 60-second window (what a provider counting "per minute" strictly enforces: at most that many requests in any 60 s),
 * requests per day in fixed days of the provider's day zone, tokens per minute in fixed clock minutes. Fixed counter
 * names end with the window's start in epoch seconds, so each minute and day has its own counter; the sliding counter
 * is one per scope.
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
     * The windows one request must fit: one request in the last 60 s and this day, some tokens left this minute.
     * Requests are counted even without a limit, so the status shows them.
     */
    List<Window> windows(String scope, String provider, ProviderQuotaClock clock, Instant now) {
        List<Window> windows = new ArrayList<>(3);
        windows.add(requestsWindow(scope, orUnlimited(requestsPerMinute), clock));
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
        Window rpm = requestsWindow(scope, UNLIMITED, clock);
        Window rpd = dayWindow(scope, provider, UNLIMITED, clock, now);
        Window tpm = minuteWindow(scope, "tpm", UNLIMITED, 0, clock, now);
        Map<String, Long> used = counters.usage(List.of(rpm, rpd, tpm), now);
        long minute = used.getOrDefault(rpm.counter(), 0L);
        long day = used.getOrDefault(rpd.counter(), 0L);
        long tokens = used.getOrDefault(tpm.counter(), 0L);
        return new ModelKeyStatus.ModelUsage(model, minute, left(requestsPerMinute, minute), day, left(requestsPerDay, day),
                tokens, left(tokensPerMinute, tokens));
    }

    /** Requests in the last 60 s (plus the clock's margin): one sliding counter per scope, with no window start in its name. */
    private static Window requestsWindow(String scope, long limit, ProviderQuotaClock clock) {
        return Window.sliding(scope + "|rpm|sliding", clock.requestsPerMinuteWindow(), limit, 1);
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
