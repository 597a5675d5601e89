package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.OrderStats;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RecommendationStore} and {@link GenerationLocks} promises, run against each implementation. */
abstract class RecommendationCacheContract {
    protected abstract RecommendationStore store();

    protected abstract GenerationLocks locks();

    /** Another holder of the same locks (another replica); for in-process locks, the same instance. */
    protected abstract GenerationLocks otherReplica();

    /** Lets {@code duration} pass for the implementation's expiry. */
    protected abstract void pass(Duration duration) throws InterruptedException;

    private static String name() {
        return "contract:" + UUID.randomUUID();
    }

    @Test
    void anEntryIsReadBackWhole() {
        String key = name();
        Recommendation entry = new Recommendation("Итог", List.of("Один", "Два", "Три"), Instant.parse("2026-12-04T03:00:12.345Z"),
                new OrderStats(6, new BigDecimal("14700.00"), new BigDecimal("2450.00"), "RUB",
                        List.of(new OrderStats.ProductCount("Пионы", 9)), List.of("friday"), List.of(18, 10),
                        Instant.parse("2026-12-03T18:20:00Z")));

        store().save(key, entry, Duration.ofMinutes(5));

        assertThat(store().find(key)).contains(entry);
        assertThat(store().find(name())).isEmpty();
    }

    @Test
    void anEntryExpiresWithItsTimeToLive() throws InterruptedException {
        String key = name();
        store().save(key, new Recommendation("x", List.of("a", "b", "c"), Instant.EPOCH,
                new OrderStats(5, BigDecimal.ONE, BigDecimal.ONE, "RUB", List.of(), List.of(), List.of(), null)), Duration.ofMillis(300));
        pass(Duration.ofMillis(600));
        assertThat(store().find(key)).isEmpty();
    }

    @Test
    void aLockHasOneHolderUntilReleased() {
        String lock = name();
        assertThat(locks().tryLock(lock, Duration.ofMinutes(1))).isTrue();
        assertThat(otherReplica().tryLock(lock, Duration.ofMinutes(1))).isFalse();
        assertThat(otherReplica().isLocked(lock)).isTrue();

        locks().unlock(lock);

        assertThat(otherReplica().isLocked(lock)).isFalse();
        assertThat(otherReplica().tryLock(lock, Duration.ofMinutes(1))).isTrue();
        otherReplica().unlock(lock);
    }

    @Test
    void aLockWhoseHolderVanishedExpiresWithItsLease() throws InterruptedException {
        String lock = name();
        assertThat(locks().tryLock(lock, Duration.ofMillis(300))).isTrue();
        pass(Duration.ofMillis(600));
        assertThat(otherReplica().isLocked(lock)).isFalse();
        assertThat(otherReplica().tryLock(lock, Duration.ofMinutes(1))).isTrue();
        otherReplica().unlock(lock);
    }
}
