package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.quota.Gcra;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The domain {@link Gcra} on a map of TATs keyed by policy and subject, reading time from the given clock. */
public final class FakeRateLimiter implements RateLimiter {
    private final Clock clock;
    private final Map<String, Long> tats = new HashMap<>();

    public FakeRateLimiter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<RateLimitDecision> acquire(String subject, RateLimitPolicy policy) {
        String key = key(subject, policy);
        Gcra.Result result = Gcra.check(tats.getOrDefault(key, 0L), nowMicros(), policy, 1);
        tats.put(key, result.newTat());
        return CompletableFuture.completedFuture(result.decision());
    }

    @Override
    public CompletionStage<RateLimitDecision> peek(String subject, RateLimitPolicy policy) {
        return CompletableFuture.completedFuture(
                Gcra.check(tats.getOrDefault(key(subject, policy), 0L), nowMicros(), policy, 0).decision());
    }

    private long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, clock.instant());
    }

    private static String key(String subject, RateLimitPolicy policy) {
        return policy.name() + ":" + subject;
    }
}
