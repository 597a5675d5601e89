package dev.hexcore.domain.recommendation;

import java.time.Duration;
import java.util.Optional;

/** The recommendation cache, one entry per {@link OrderScope#cacheKey()}, shared by the routes and the batch job. */
public interface RecommendationStore {
    Optional<Recommendation> find(String key);

    void save(String key, Recommendation recommendation, Duration ttl);
}
