package dev.hexcore.adapters.persistence.recommendation;

import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RecommendationStore} in this process (embedded defaults, no Redis): entries expire by the clock. */
public final class InMemoryRecommendationStore implements RecommendationStore {
    private record Entry(Recommendation recommendation, Instant expiresAt) { }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryRecommendationStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Recommendation> find(String key) {
        Entry entry = entries.get(key);
        if (entry == null) return Optional.empty();
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.recommendation());
    }

    @Override
    public void save(String key, Recommendation recommendation, Duration ttl) {
        entries.put(key, new Entry(recommendation, clock.instant().plus(ttl)));
    }
}
