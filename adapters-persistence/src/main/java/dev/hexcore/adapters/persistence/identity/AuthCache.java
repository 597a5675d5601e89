package dev.hexcore.adapters.persistence.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hexcore.adapters.persistence.shared.Reads;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Replica-local cache for authentication lookups. Results, "not found" included, live at most half a second
 * ({@link #MAX_TTL}) after their lookup finished: that bound, not any cross-replica messaging, is what makes a
 * revocation, a disabled account or a role change effective everywhere within a second. Half, not all of it, because
 * a lookup that read the row just before another replica's change committed may finish (and start its entry's life)
 * a little later, and the caller measures from the commit: the two-replica harness measured 950–1011 ms with a
 * one-second lifetime (bench/replicas.sh, ADR 0029).
 */
final class AuthCache<K, V> {
    static final String TTL_PROPERTY = "hexcore.security.auth-cache-ttl";
    static final Duration MAX_TTL = Duration.ofMillis(500);
    private static final long MAX_SIZE = 100_000;

    private final Cache<K, Optional<V>> cache;
    private final TransactionSynchronizationRegistry transactions;

    /** {@code ttl} is clamped to [0, {@link #MAX_TTL}]; zero disables caching. */
    AuthCache(Duration ttl, TransactionSynchronizationRegistry transactions) {
        Duration clamped = ttl.isNegative() ? Duration.ZERO : ttl.compareTo(MAX_TTL) > 0 ? MAX_TTL : ttl;
        this.cache = Caffeine.newBuilder().expireAfterWrite(clamped).maximumSize(MAX_SIZE).build();
        this.transactions = transactions;
    }

    /** The cached result, or {@code loader}'s (loaded once per key even under concurrent misses). */
    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        return cache.get(key, loader);
    }

    /**
     * Without blocking: the cached result at once, or {@code loader}'s run on a worker thread with a request context
     * (so Panache has a session there).
     */
    CompletionStage<Optional<V>> getAsync(K key, Function<K, Optional<V>> loader) {
        Optional<V> cached = cache.getIfPresent(key);
        if (cached != null) return CompletableFuture.completedFuture(cached);
        return CompletableFuture.supplyAsync(() -> Reads.inRequestContext(() -> get(key, loader)),
                Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Drops the entry now and again when the current transaction (if any) completes, so a reader cannot re-cache
     * the old row, or this transaction's uncommitted one, in between.
     */
    void invalidate(K key) {
        cache.invalidate(key);
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(key);
                }
            });
        }
    }
}
