package dev.hexcore.domain.generation;

/**
 * Aggregates over recorded gateway calls of one operation and model: how many, how many failed, latency percentiles
 * (milliseconds, whole gateway call) and how many were served from the cache.
 */
public record GenerationStats(String operation, String provider, String model, long count, long errors,
                             double errorRate, double p50LatencyMs, double p95LatencyMs, long cacheHits,
                             double cacheHitRate) {
}
