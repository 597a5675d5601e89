package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.generation.fakes.InMemoryGenerationCache;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final ModelRef FLASH = new ModelRef("gemini", "gemini-2.5-flash");
    private static final List<ModelRef> CHAIN = List.of(FLASH, new ModelRef("offline", "offline"));
    private static final String SCHEMA = "{\"type\":\"object\"}";

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryGenerationCache store = new InMemoryGenerationCache();
    private final ResponseCache cache = new ResponseCache(store, clock);

    private static ModelResult.Builder answer(ModelRef model) {
        return ModelResult.of(model.provider(), model.model()).usage(new TokenUsage(3, 4, 7)).attempts(1);
    }

    @Test
    void an_ok_answer_of_the_primary_is_stored_until_its_ttl_and_read_back_as_a_hit() {
        ModelRequest request = ModelRequest.text("op", CHAIN, "Hello").cache(CachePolicy.use(Duration.ofMinutes(5))).build();
        String key = cache.key(request).orElseThrow();
        CallTrace trace = CallTrace.of(request, START);

        cache.store(key, request, answer(FLASH).text("Hi").build());

        ModelResult hit = cache.held(key, trace).orElseThrow();
        assertThat(hit.text()).isEqualTo("Hi");
        assertThat(hit.cacheHit()).isTrue();
        assertThat(hit.attempts()).isZero();
        assertThat(hit.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(cache.stored(key, trace)).isPresent();
        clock.advance(Duration.ofMinutes(5));
        assertThat(cache.stored(key, trace)).isEmpty();
    }

    @Test
    void a_structured_hit_holds_json() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "Describe", SCHEMA).build();
        String key = cache.key(request).orElseThrow();
        cache.store(key, request, answer(FLASH).json("{\"a\":1}").build());

        ModelResult hit = cache.stored(key, CallTrace.of(request, START)).orElseThrow();

        assertThat(hit.json()).isEqualTo("{\"a\":1}");
        assertThat(hit.text()).isNull();
    }

    @Test
    void answers_needing_review_fallback_answers_and_hits_are_not_stored() {
        ModelRequest request = ModelRequest.structured("op", CHAIN, "Describe", SCHEMA).build();
        String key = cache.key(request).orElseThrow();

        cache.store(key, request, answer(FLASH).json("{}").quality(ResultQuality.NEEDS_REVIEW).build());
        cache.store(key, request, answer(new ModelRef("offline", "offline")).json("{}").build());
        cache.store(key, request, answer(FLASH).json("{}").cacheHit(true).build());

        assertThat(store.puts()).isZero();
    }

    @Test
    void images_and_requests_that_bypass_the_cache_have_no_key() {
        ModelRequest bypass = ModelRequest.text("op", CHAIN, "Hello").cache(CachePolicy.bypass()).build();
        assertThat(cache.key(bypass)).isEmpty();
    }

    @Test
    void a_failing_store_is_a_miss_noted_in_the_trace_and_a_failing_write_is_ignored() {
        GenerationCache broken = new GenerationCache() {
            @Override
            public Optional<Stored> find(String key, Instant now) {
                throw new IllegalStateException("down");
            }

            @Override
            public void put(String key, CachedGeneration entry, Instant expiresAt) {
                throw new IllegalStateException("down");
            }
        };
        ResponseCache failing = new ResponseCache(broken, clock);
        ModelRequest request = ModelRequest.text("op", CHAIN, "Hello").build();
        CallTrace trace = CallTrace.of(request, START);

        assertThat(failing.stored("k", trace)).isEmpty();
        failing.store("k", request, answer(FLASH).text("Hi").build());

        assertThat(trace.errors()).containsExactly("CACHE_UNAVAILABLE");
    }
}
