package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ResultQuality;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway's view of the response cache: which requests have a key ({@link CacheKeys}), answers read back as
 * results, and the rule of what is stored. A cache that fails is a miss (code {@code CACHE_UNAVAILABLE} in the trace)
 * and a write that fails leaves the answer uncached: the cache never fails a call. Only OK answers of the chain's
 * primary model are stored, so a fallback's (or the offline provider's) degraded answer is never served after the
 * primary recovers.
 */
final class ResponseCache {
    private static final System.Logger LOG = System.getLogger(ResponseCache.class.getName());

    private final GenerationCache cache;
    private final Clock clock;

    ResponseCache(GenerationCache cache, Clock clock) {
        this.cache = cache;
        this.clock = clock;
    }

    /** The request's cache key; empty for requests that are never cached (images, bypass). */
    Optional<String> key(ModelRequest request) {
        return CacheKeys.of(request);
    }

    /** The answer this process holds, without blocking (see {@link GenerationCache#getLocal}). */
    Optional<ModelResult> held(String key, CallTrace trace) {
        return read(key, true, trace);
    }

    /** The answer in the shared store (which may block on a round trip). */
    Optional<ModelResult> stored(String key, CallTrace trace) {
        return read(key, false, trace);
    }

    private Optional<ModelResult> read(String key, boolean localOnly, CallTrace trace) {
        Optional<CachedGeneration> hit;
        try {
            hit = localOnly ? cache.getLocal(key, clock.instant()) : cache.get(key, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Response cache lookup failed; calling the model", e);
            trace.error("CACHE_UNAVAILABLE");
            return Optional.empty();
        }
        return hit.map(entry -> {
            boolean structured = trace.request().kind() == GenerationKind.STRUCTURED;
            return ModelResult.of(entry.provider(), entry.model())
                    .text(structured ? null : entry.text()).json(structured ? entry.text() : null)
                    .repairs(trace.repairRound()).cacheHit(true).latency(trace.latency(clock.instant())).build();
        });
    }

    /** Stores {@code result} under {@code key} if it is an OK answer of the request's primary model. */
    void store(String key, ModelRequest request, ModelResult result) {
        if (result.cacheHit() || result.quality() != ResultQuality.OK) return;
        if (!new ModelRef(result.provider(), result.model()).equals(request.primary())) return;
        Instant now = clock.instant();
        String text = result.json() != null ? result.json() : result.text();
        try {
            cache.put(key, new CachedGeneration(result.provider(), result.model(), text, result.usage(), now),
                    now.plus(request.cache().ttl()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Response cache write failed; the answer is returned uncached", e);
        }
    }
}
