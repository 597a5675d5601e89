package dev.hexcore.adapters.ai.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.ai.schema.NetworkntJsonSchemaValidator;
import dev.hexcore.adapters.ai.support.Calls;
import dev.hexcore.application.generation.GatewaySettings;
import dev.hexcore.application.generation.ModelGatewayService;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The embedded default end to end: the gateway with the offline provider and the real schema validator. */
class OfflineGatewayTest {
    private static final List<ModelRef> OFFLINE = List.of(new ModelRef("offline", "offline"));
    private static final String SCHEMA = """
            {"type":"object","required":["title","level","exercises"],"additionalProperties":false,
             "properties":{"title":{"type":"string","minLength":3},"level":{"enum":["A1","A2"]},
                           "exercises":{"type":"array","minItems":2,"items":{"type":"string"}}}}""";

    private final List<GenerationEvent> events = new ArrayList<>();
    private final Map<String, CachedGeneration> cache = new HashMap<>();
    private final ModelGatewayService gateway = new ModelGatewayService(List.of(new OfflineModelProvider()), new NoKeys(),
            new NetworkntJsonSchemaValidator(), new MapCache(cache), events::add,
            Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), duration -> {
                throw new AssertionError("the offline chain never waits");
            }, GatewaySettings.defaults(), Runnable::run);

    @Test
    void a_structured_request_gets_schema_valid_json_named_as_offline_and_is_cached() {
        ModelRequest request = ModelRequest.structured("course.lesson", OFFLINE, "A first lesson on greetings", SCHEMA)
                .mode(GenerationMode.STRICT).build();

        ModelResult first = gateway.structured(request);
        ModelResult second = gateway.structured(request);

        assertThat(first.quality()).isEqualTo(ResultQuality.OK);
        assertThat(first.provider()).isEqualTo("offline");
        assertThat(first.keyId()).isNull();
        assertThat(first.repairs()).isZero();
        assertThat(new NetworkntJsonSchemaValidator().validate(SCHEMA, first.json())).isEmpty();
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(events).extracting(GenerationEvent::provider).containsOnly("offline");
        assertThat(events).extracting(GenerationEvent::cacheHit).containsExactly(false, true);
    }

    @Test
    void images_from_a_drawing_are_local_transforms_the_same_for_the_same_request_and_never_cached() {
        ModelRequest request = ModelRequest.image("bot.drawing", OFFLINE, "Colour it in",
                List.of(new ImageData("image/png", Calls.PNG)), 3).build();

        ModelResult first = gateway.images(request);
        ModelResult again = gateway.images(request);

        assertThat(first.provider()).isEqualTo("offline");
        assertThat(first.images()).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(image -> assertThat(image.mimeType()).isEqualTo("image/png"));
        assertThat(again.images()).isEqualTo(first.images());
        assertThat(again.cacheHit()).isFalse();
        assertThat(cache).isEmpty();
        assertThat(events).extracting(GenerationEvent::kind).containsOnly(GenerationKind.IMAGE);
    }

    /** The offline provider needs no key; the pool must not be asked. */
    private static final class NoKeys implements ModelKeyPool {
        @Override
        public KeyLease acquire(ModelRef model, Instant now) {
            throw new AssertionError("asked for a key");
        }

        @Override
        public void report(ProviderKey key, ModelRef model, ProviderFailure failure, Instant now) {
            throw new AssertionError("reported a key");
        }

        @Override
        public void recordUsage(ProviderKey key, ModelRef model, TokenUsage usage, Instant now) {
            throw new AssertionError("recorded usage");
        }

        @Override
        public List<ModelKeyStatus> status(Instant now) {
            return List.of();
        }

        @Override
        public boolean setEnabled(String keyId, boolean enabled, String reason, Instant now) {
            return false;
        }
    }

    private record MapCache(Map<String, CachedGeneration> entries) implements GenerationCache {
        @Override
        public Optional<Stored> find(String key, Instant now) {
            return Optional.ofNullable(entries.get(key)).map(entry -> new Stored(entry, Instant.MAX));
        }

        @Override
        public void put(String key, CachedGeneration entry, Instant expiresAt) {
            entries.put(key, entry);
        }
    }
}
