package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.generation.fakes.ClockSleeper;
import dev.hexcore.application.generation.fakes.FakeKeyPool;
import dev.hexcore.application.generation.fakes.FakeSchemaValidator;
import dev.hexcore.application.generation.fakes.InMemoryGenerationCache;
import dev.hexcore.application.generation.fakes.InMemoryGenerationEvents;
import dev.hexcore.application.generation.fakes.KeylessScriptedProvider;
import dev.hexcore.application.generation.fakes.ScriptedProvider;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.LookalikeLetters;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.generation.ValidationIssue;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelGatewayTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final ModelRef FLASH = new ModelRef("gemini", "gemini-2.5-flash");
    private static final ModelRef LLAMA = new ModelRef("groq", "llama-3.3-70b");
    private static final ModelRef OFFLINE = new ModelRef("offline", "offline");
    private static final List<ModelRef> CHAIN = List.of(FLASH, LLAMA, OFFLINE);
    private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"name\"]}";
    private static final GatewaySettings SETTINGS = new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3);

    private MutableClock clock;
    private ClockSleeper sleeper;
    private ScriptedProvider gemini;
    private ScriptedProvider groq;
    private KeylessScriptedProvider offline;
    private FakeKeyPool pool;
    private InMemoryGenerationCache cache;
    private InMemoryGenerationEvents events;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        sleeper = new ClockSleeper(clock);
        gemini = new ScriptedProvider("gemini");
        groq = new ScriptedProvider("groq");
        offline = new KeylessScriptedProvider("offline");
        offline.answers("[offline] an offline answer");
        pool = new FakeKeyPool();
        cache = new InMemoryGenerationCache();
        events = new InMemoryGenerationEvents();
    }

    private Calls gateway() {
        return new Calls(new ModelGatewayService(List.of(gemini, groq, offline), pool, new FakeSchemaValidator(), cache, events, clock,
                sleeper, SETTINGS, Runnable::run));
    }

    /** The gateway under test, called with the method of each request's kind; {@code reply} is waited for. */
    private record Calls(ModelGatewayService gateway) {
        ModelResult generate(ModelRequest request) {
            return switch (request.kind()) {
                case TEXT, CHAT -> {
                    try {
                        yield gateway.reply(request).toCompletableFuture().join();
                    } catch (CompletionException e) {
                        if (e.getCause() instanceof RuntimeException cause) throw cause;
                        throw e;
                    }
                }
                case STRUCTURED -> gateway.structured(request);
                case IMAGE -> gateway.images(request);
            };
        }
    }

    private static ModelRequest text(String prompt) {
        return ModelRequest.text("test.text", CHAIN, prompt).build();
    }

    private static ModelRequest structured(GenerationMode mode) {
        return ModelRequest.structured("test.structured", CHAIN, "Describe a person", SCHEMA).mode(mode).build();
    }

    // ---- answering and the chain ----

    @Test
    void the_primary_model_answers_with_a_pooled_key_and_its_usage_is_counted() {
        gemini.answers("Hello from Gemini");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.text()).isEqualTo("Hello from Gemini");
        assertThat(result.provider()).isEqualTo("gemini");
        assertThat(result.model()).isEqualTo("gemini-2.5-flash");
        assertThat(result.keyId()).isEqualTo("key-1");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.cacheHit()).isFalse();
        assertThat(gemini.calls()).singleElement().satisfies(call -> {
            assertThat(call.model()).isEqualTo("gemini-2.5-flash");
            assertThat(call.key()).isEqualTo(FakeKeyPool.DEFAULT_KEY);
            assertThat(call.messages()).containsExactly(ChatMessage.user("Say hello"));
            assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(20));
        });
        assertThat(pool.usages()).singleElement()
                .isEqualTo(new FakeKeyPool.Usage("key-1", FLASH, new TokenUsage(10, 5, 15)));
    }

    @Test
    void an_overloaded_model_hands_over_to_the_next_model_in_the_chain() {
        gemini.fails(Kind.OVERLOADED);
        groq.answers("Hello from Groq");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.provider()).isEqualTo("groq");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(gemini.calls()).hasSize(1);
        assertThat(pool.reports()).containsExactly(new FakeKeyPool.Report("key-1", FLASH, Kind.OVERLOADED));
        assertThat(events.last().errorCodes()).containsExactly("OVERLOADED");
    }

    @Test
    void a_retired_model_hands_over_to_the_next_model_and_keyless_providers_need_no_key() {
        gemini.fails(Kind.MODEL_UNAVAILABLE);
        groq.fails(Kind.MODEL_UNAVAILABLE);

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.provider()).isEqualTo("offline");
        assertThat(result.text()).isEqualTo("[offline] an offline answer");
        assertThat(result.keyId()).isNull();
        assertThat(pool.acquired()).containsExactly(FLASH, LLAMA);
        assertThat(events.last().provider()).isEqualTo("offline");
    }

    @Test
    void transient_failures_are_retried_as_often_as_the_mode_allows_then_the_next_model_is_tried() {
        gemini.fails(Kind.TRANSIENT);
        groq.answers("Hello from Groq");

        ModelResult result = gateway().generate(text("Say hello").toBuilder().mode(GenerationMode.BALANCED).build());

        assertThat(gemini.calls()).hasSize(GenerationMode.BALANCED.attempts());
        assertThat(result.provider()).isEqualTo("groq");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void strict_mode_retries_a_flaky_model_until_it_answers() {
        gemini.fails(Kind.TIMEOUT).fails(Kind.TRANSIENT).answers("third time lucky");

        ModelResult result = gateway().generate(text("Say hello").toBuilder().mode(GenerationMode.STRICT).build());

        assertThat(result.text()).isEqualTo("third time lucky");
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(groq.calls()).isEmpty();
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void fast_mode_does_not_retry() {
        gemini.fails(Kind.TRANSIENT);
        groq.answers("Hello from Groq");

        gateway().generate(text("Say hello").toBuilder().mode(GenerationMode.FAST).build());

        assertThat(gemini.calls()).hasSize(1);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void a_rate_limited_key_is_reported_and_another_key_is_tried() {
        ProviderKey first = new ProviderKey("key-a", "sk-a");
        ProviderKey second = new ProviderKey("key-b", "sk-b");
        pool.thenKey(first).thenKey(second);
        gemini.fails(new ProviderFailure(Kind.RATE_LIMITED_MINUTE, "quota", Duration.ofSeconds(30), "RESOURCE_EXHAUSTED"))
                .answers("with the second key");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.keyId()).isEqualTo("key-b");
        assertThat(gemini.calls()).extracting(call -> call.key().id()).containsExactly("key-a", "key-b");
        assertThat(pool.reports()).containsExactly(new FakeKeyPool.Report("key-a", FLASH, Kind.RATE_LIMITED_MINUTE));
    }

    @Test
    void a_blocked_answer_fails_the_request_without_trying_other_models() {
        gemini.fails(Kind.BLOCKED);

        assertThatExceptionOfType(ModelBadResponseException.class)
                .isThrownBy(() -> gateway().generate(text("Something forbidden")))
                .satisfies(e -> assertThat(e.code()).isEqualTo("MODEL_BAD_RESPONSE"));
        assertThat(groq.calls()).isEmpty();
        assertThat(offline.calls()).isEmpty();
    }

    @Test
    void an_invalid_key_is_reported_and_after_too_many_key_switches_the_next_model_is_tried() {
        gemini.fails(Kind.KEY_INVALID);
        groq.answers("Hello from Groq");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.provider()).isEqualTo("groq");
        assertThat(gemini.calls()).hasSize(1 + SETTINGS.maxKeySwitches());
        assertThat(pool.reports()).hasSize(1 + SETTINGS.maxKeySwitches())
                .allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.KEY_INVALID));
    }

    @Test
    void a_provider_retry_after_becomes_the_retry_after_when_nothing_answers() {
        gemini.fails(new ProviderFailure(Kind.OVERLOADED, "busy", Duration.ofSeconds(42), "UNAVAILABLE"));
        List<ModelRef> geminiOnly = List.of(FLASH);

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway().generate(ModelRequest.text("test.text", geminiOnly, "Say hello").build()))
                .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42)));
    }

    @Test
    void retries_stop_when_the_next_backoff_would_pass_the_deadline() {
        gemini.fails(Kind.TRANSIENT);
        groq.answers("Hello from Groq");

        ModelResult result = gateway().generate(text("Say hello").toBuilder().mode(GenerationMode.STRICT)
                .budget(Duration.ofMillis(1200)).build());

        assertThat(result.provider()).isEqualTo("groq");
        assertThat(gemini.calls()).hasSize(2);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(500));
        assertThat(groq.calls().get(0).timeout()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void a_cache_that_fails_is_treated_as_a_miss() {
        gemini.answers("Hello from Gemini");
        Calls gateway = new Calls(new ModelGatewayService(List.of(gemini), pool, new FakeSchemaValidator(),
                new dev.hexcore.domain.generation.GenerationCache() {
                    @Override
                    public java.util.Optional<dev.hexcore.domain.generation.GenerationCache.Stored> find(String key, Instant now) {
                        throw new IllegalStateException("cache down");
                    }

                    @Override
                    public void put(String key, dev.hexcore.domain.generation.CachedGeneration entry, Instant expiresAt) {
                        throw new IllegalStateException("cache down");
                    }
                }, events, clock, sleeper, SETTINGS, Runnable::run));

        assertThat(gateway.generate(text("Say hello")).text()).isEqualTo("Hello from Gemini");
        assertThat(events.last().errorCodes()).contains("CACHE_UNAVAILABLE");
    }

    // ---- waiting for keys ----

    @Test
    void when_every_key_cools_down_until_before_the_deadline_the_gateway_waits_for_it() {
        pool.thenNoKeyUntil(START.plusSeconds(10));
        gemini.answers("after the wait");

        ModelResult result = gateway().generate(text("Say hello").toBuilder().budget(Duration.ofSeconds(60)).build());

        assertThat(result.provider()).isEqualTo("gemini");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(10));
        assertThat(gemini.calls()).singleElement()
                .satisfies(call -> assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(20)));
    }

    @Test
    void when_keys_recover_only_after_the_deadline_the_call_fails_with_the_earliest_recovery_as_retry_after() {
        pool.thenNoKeyUntil(START.plusSeconds(120));
        List<ModelRef> geminiOnly = List.of(FLASH);

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway().generate(ModelRequest.text("test.text", geminiOnly, "Say hello")
                        .budget(Duration.ofSeconds(60)).build()))
                .satisfies(e -> {
                    assertThat(e.code()).isEqualTo("MODEL_UNAVAILABLE");
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(gemini.calls()).isEmpty();
    }

    @Test
    void a_key_that_recovers_too_close_to_the_deadline_is_not_waited_for_and_no_quota_is_spent() {
        pool.thenNoKeyUntil(START.plusMillis(59_500));
        Calls gateway = new Calls(new ModelGatewayService(List.of(gemini), pool, new FakeSchemaValidator(), cache, events, clock,
                sleeper, new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3, Duration.ofSeconds(1)), Runnable::run));

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway.generate(ModelRequest.text("test.text", List.of(FLASH), "Say hello")
                        .budget(Duration.ofSeconds(60)).build()))
                .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
        assertThat(sleeper.sleeps()).as("recovery at 59.5 s leaves less than the 1 s a call needs").isEmpty();
        assertThat(gemini.calls()).isEmpty();
    }

    @Test
    void with_less_than_the_minimum_call_time_left_no_key_is_taken() {
        Calls gateway = new Calls(new ModelGatewayService(List.of(gemini), pool, new FakeSchemaValidator(), cache, events, clock,
                sleeper, new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3, Duration.ofSeconds(1)), Runnable::run));
        gemini.answers("too late");

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway.generate(ModelRequest.text("test.text", List.of(FLASH), "Say hello")
                        .budget(Duration.ofMillis(900)).build()));
        assertThat(pool.acquired()).as("no key, so no quota, was taken").isEmpty();
        assertThat(gemini.calls()).isEmpty();
        assertThat(events.last().errorCodes()).contains("DEADLINE_EXCEEDED");
    }

    @Test
    void when_no_key_recovers_in_time_the_next_model_is_tried_without_waiting() {
        pool.thenNoKeyUntil(START.plusSeconds(600));
        groq.answers("Hello from Groq");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.provider()).isEqualTo("groq");
        assertThat(sleeper.sleeps()).isEmpty();
        assertThat(events.last().errorCodes()).containsExactly("NO_KEY_AVAILABLE");
    }

    @Test
    void when_nothing_answers_the_error_says_so_and_retry_after_is_unknown_without_a_recovery_time() {
        gemini.fails(Kind.OVERLOADED);
        groq.fails(Kind.TRANSIENT);
        ModelRequest request = ModelRequest.text("test.text", List.of(FLASH, LLAMA), "Say hello").mode(GenerationMode.FAST).build();

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway().generate(request))
                .satisfies(e -> assertThat(e.retryAfter()).isNull());
    }

    // ---- structured output and repairs ----

    @Test
    void a_schema_valid_answer_is_returned_as_json() {
        gemini.answers("{\"name\":\"Anna\"}");

        ModelResult result = gateway().generate(structured(GenerationMode.BALANCED));

        assertThat(result.json()).isEqualTo("{\"name\":\"Anna\"}");
        assertThat(result.text()).isNull();
        assertThat(result.repairs()).isZero();
        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(gemini.calls().get(0).jsonSchema()).isEqualTo(SCHEMA);
    }

    @Test
    void an_answer_that_breaks_the_schema_is_sent_back_with_the_validation_errors() {
        gemini.answers("{\"bad\":1}").answers("{\"name\":\"Anna\"}");

        ModelResult result = gateway().generate(structured(GenerationMode.STRICT));

        assertThat(result.json()).isEqualTo("{\"name\":\"Anna\"}");
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.repairs()).isEqualTo(1);
        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        List<ChatMessage> second = gemini.calls().get(1).messages();
        assertThat(second).hasSize(3);
        assertThat(second.get(0)).isEqualTo(ChatMessage.user("Describe a person"));
        assertThat(second.get(1)).isEqualTo(ChatMessage.assistant("{\"bad\":1}"));
        assertThat(second.get(2).role()).isEqualTo(ChatMessage.Role.USER);
        assertThat(second.get(2).text()).contains(FakeSchemaValidator.MISSING_NAME, "$.bad: is not allowed");
        assertThat(events.last().errorCodes()).containsExactly("SCHEMA_INVALID");
        assertThat(events.last().repairs()).isEqualTo(1);
    }

    @Test
    void an_unreadable_answer_uses_a_repair_round() {
        gemini.fails(new ProviderFailure(Kind.BAD_OUTPUT, "json_validate_failed", null, "json_validate_failed"))
                .answers("{\"name\":\"Anna\"}");

        ModelResult result = gateway().generate(structured(GenerationMode.BALANCED));

        assertThat(result.repairs()).isEqualTo(1);
        assertThat(gemini.calls().get(1).messages()).last()
                .satisfies(m -> assertThat(m.text()).contains("could not be read as JSON", "json_validate_failed"));
    }

    @Test
    void an_answer_still_invalid_after_every_repair_round_needs_review_and_is_not_cached() {
        gemini.answers("{\"bad\":1}");

        ModelResult result = gateway().generate(structured(GenerationMode.BALANCED));

        assertThat(result.quality()).isEqualTo(ResultQuality.NEEDS_REVIEW);
        assertThat(result.json()).isEqualTo("{\"bad\":1}");
        assertThat(result.repairs()).isEqualTo(GenerationMode.BALANCED.repairRounds());
        assertThat(gemini.calls()).hasSize(1 + GenerationMode.BALANCED.repairRounds());
        assertThat(cache.size()).isZero();
        assertThat(events.last().quality()).isEqualTo(ResultQuality.NEEDS_REVIEW);

        gateway().generate(structured(GenerationMode.BALANCED));
        assertThat(gemini.calls()).hasSize(2 * (1 + GenerationMode.BALANCED.repairRounds()));
    }

    @Test
    void an_unreadable_schema_is_refused_before_any_model_is_called() {
        ModelRequest request = ModelRequest.structured("test.structured", CHAIN, "Describe a person", "not json").build();

        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> gateway().generate(request));
        assertThat(gemini.calls()).isEmpty();
        assertThat(events.last().errorCodes()).containsExactly("VALIDATION_FAILED");
    }

    @Test
    void a_validator_s_codes_go_back_to_the_model_and_into_the_result_and_every_step_is_one_event() {
        gemini.answers("{\"name\":\"Anna\"}").answers("{\"name\":\"Anna\",\"word\":\"сәлем\"}");
        ModelRequest request = ModelRequest.structured("test.lesson", CHAIN, "A lesson with the word сәлем", SCHEMA)
                .validator(json -> json.contains("сәлем") ? List.of()
                        : List.of(new ValidationIssue("WORD_MISSING", "the word 'сәлем' does not occur")))
                .mode(GenerationMode.STRICT).build();

        ModelResult result = gateway().generate(request);

        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.repairs()).isEqualTo(1);
        assertThat(result.validationErrors()).isEmpty();
        List<ChatMessage> repair = gemini.calls().get(1).messages();
        assertThat(repair.get(1)).isEqualTo(ChatMessage.assistant("{\"name\":\"Anna\"}"));
        assertThat(repair.get(2).text()).contains("WORD_MISSING", "the word 'сәлем' does not occur");
        assertThat(events.all()).hasSize(2);
        assertThat(events.all()).extracting(GenerationEvent::quality)
                .containsExactly(ResultQuality.NEEDS_REVIEW, ResultQuality.OK);
        assertThat(events.all()).extracting(GenerationEvent::repairs).containsExactly(0, 1);
        assertThat(events.all()).extracting(GenerationEvent::mode).containsOnly(GenerationMode.STRICT);
        assertThat(events.all()).extracting(GenerationEvent::attempts).containsExactly(1, 1);
        assertThat(events.all().get(0).errorCodes()).containsExactly("WORD_MISSING");
    }

    @Test
    void when_the_repair_rounds_are_spent_the_result_needs_review_with_the_validation_error_codes() {
        gemini.answers("{\"name\":\"Anna\"}");
        ModelRequest request = ModelRequest.structured("test.lesson", CHAIN, "A lesson", SCHEMA)
                .validator(json -> List.of(new ValidationIssue("WORD_MISSING", "x"), new ValidationIssue("TOO_SHORT", "y")))
                .mode(GenerationMode.FAST).build();

        ModelResult result = gateway().generate(request);

        assertThat(result.quality()).isEqualTo(ResultQuality.NEEDS_REVIEW);
        assertThat(result.repairs()).isZero();
        assertThat(result.validationErrors()).containsExactly("WORD_MISSING", "TOO_SHORT");
        assertThat(result.json()).isEqualTo("{\"name\":\"Anna\"}");
        assertThat(gemini.calls()).hasSize(1);
    }

    @Test
    void the_normaliser_runs_before_the_validators_and_the_result_holds_the_normalised_json() {
        gemini.answers("{\"name\":\"сaлем\"}");
        ModelRequest request = ModelRequest.structured("test.lesson", CHAIN, "A lesson", SCHEMA)
                .normaliser(LookalikeLetters.toCyrillic())
                .validator(json -> json.contains("салем") ? List.of() : List.of(new ValidationIssue("WORD_MISSING", "салем")))
                .build();

        ModelResult result = gateway().generate(request);

        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.json()).isEqualTo("{\"name\":\"салем\"}");
        assertThat(gemini.calls()).hasSize(1);
    }

    @Test
    void every_step_goes_through_the_cache_so_a_repeated_generation_replays_its_repair_from_it() {
        gemini.answers("{\"bad\":1}").answers("{\"name\":\"Anna\"}").answers("{\"bad\":1}");
        Calls gateway = gateway();

        ModelResult first = gateway.generate(structured(GenerationMode.STRICT));
        ModelResult again = gateway.generate(structured(GenerationMode.STRICT));

        assertThat(first.json()).isEqualTo("{\"name\":\"Anna\"}");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.repairs()).isEqualTo(1);
        assertThat(gemini.calls()).as("the first step again (its answer needed repair, so it was not stored), "
                + "the repair from the cache").hasSize(3);
        assertThat(events.last().cacheHit()).isTrue();
        assertThat(events.last().repairs()).isEqualTo(1);
    }

    @Test
    void the_modes_attempts_and_repair_rounds_come_from_the_settings() {
        gemini.answers("{\"bad\":1}");
        GenerationModes modes = GenerationModes.configured(
                java.util.Map.of(GenerationMode.BALANCED, new GenerationModes.Limits(1, 3)));
        Calls gateway = new Calls(new ModelGatewayService(List.of(gemini, groq, offline), pool, new FakeSchemaValidator(),
                cache, events, clock, sleeper, new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3,
                Duration.ZERO, modes), Runnable::run));

        ModelResult result = gateway.generate(structured(GenerationMode.BALANCED));

        assertThat(result.repairs()).isEqualTo(3);
        assertThat(gemini.calls()).hasSize(4);
    }

    @Test
    void each_operation_takes_only_requests_of_its_kind() {
        ModelGatewayService gateway = gateway().gateway();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> gateway.structured(text("Say hello")));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> gateway.reply(structured(GenerationMode.FAST)));
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> gateway.images(text("Say hello")));
    }

    // ---- images ----

    @Test
    void images_are_generated_and_never_cached() {
        ImageData drawing = new ImageData("image/png", new byte[] {1, 2, 3});
        ImageData out = new ImageData("image/png", new byte[] {4, 5});
        gemini.then(call -> new ProviderReply(null, List.of(out, out), TokenUsage.NONE, "v1"));
        ModelRequest request = ModelRequest.image("test.image", CHAIN, "Make it a cat", List.of(drawing), 2).build();

        ModelResult first = gateway().generate(request);
        gateway().generate(request);

        assertThat(first.images()).containsExactly(out, out);
        assertThat(gemini.calls()).hasSize(2);
        assertThat(gemini.calls().get(0).images()).containsExactly(drawing);
        assertThat(gemini.calls().get(0).imageOutputs()).isEqualTo(2);
        assertThat(cache.lookups()).isZero();
    }

    @Test
    void a_model_that_returns_fewer_images_than_asked_is_called_again_for_the_rest() {
        ImageData drawing = new ImageData("image/png", new byte[] {1, 2, 3});
        ImageData out = new ImageData("image/png", new byte[] {4, 5});
        gemini.then(call -> new ProviderReply(null, List.of(out), TokenUsage.NONE, "v1"));

        ModelResult result = gateway().generate(ModelRequest.image("test.image", CHAIN, "Make it a cat", List.of(drawing), 3)
                .build());

        assertThat(result.images()).hasSize(3);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(gemini.calls()).extracting(ProviderCall::imageOutputs).containsExactly(3, 2, 1);
        assertThat(pool.acquired()).as("each call takes a key from the pool").hasSize(3);
        assertThat(events.all()).singleElement().satisfies(e -> assertThat(e.attempts()).isEqualTo(3));
    }

    @Test
    void an_image_blocked_by_the_model_fails_the_request() {
        ImageData drawing = new ImageData("image/png", new byte[] {1, 2, 3});
        gemini.fails(new ProviderFailure(Kind.BLOCKED, "finish reason IMAGE_SAFETY", null, "IMAGE_SAFETY"));

        assertThatExceptionOfType(ModelBadResponseException.class).isThrownBy(() -> gateway().generate(
                ModelRequest.image("test.image", CHAIN, "Make it a cat", List.of(drawing), 1).build()));
        assertThat(events.last().errorCodes()).containsExactly("BLOCKED", "MODEL_BAD_RESPONSE");
    }

    // ---- the cache ----

    @Test
    void a_repeated_request_is_answered_from_the_cache_without_an_upstream_call() {
        gemini.answers("Hello from Gemini");
        Calls gateway = gateway();

        gateway.generate(text("Say hello"));
        ModelResult second = gateway.generate(text("  Say hello "));

        assertThat(gemini.calls()).hasSize(1);
        assertThat(second.cacheHit()).isTrue();
        assertThat(second.text()).isEqualTo("Hello from Gemini");
        assertThat(second.provider()).isEqualTo("gemini");
        assertThat(second.attempts()).isZero();
        assertThat(second.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(events.last().cacheHit()).isTrue();
    }

    @Test
    void an_answer_this_instance_holds_is_given_without_blocking_and_recorded_as_a_hit() {
        gemini.answers("Hello from Gemini");
        List<Runnable> handedToWorkers = new ArrayList<>();
        ModelGatewayService gateway = new ModelGatewayService(List.of(gemini, groq, offline), pool, new FakeSchemaValidator(),
                cache, events, clock, sleeper, SETTINGS, handedToWorkers::add);
        CompletionStage<ModelResult> miss = gateway.reply(text("Say hello"));
        assertThat(miss.toCompletableFuture()).as("nothing held yet").isNotDone();
        assertThat(events.all()).as("a miss of the fast path is not a call").isEmpty();
        handedToWorkers.remove(0).run();
        int finds = cache.finds();

        CompletionStage<ModelResult> stage = gateway.reply(text(" Say hello "));

        assertThat(handedToWorkers).as("answered on the caller's thread").isEmpty();
        ModelResult held = stage.toCompletableFuture().getNow(null);
        assertThat(held.text()).isEqualTo("Hello from Gemini");
        assertThat(held.cacheHit()).isTrue();
        assertThat(gemini.calls()).hasSize(1);
        assertThat(cache.finds()).as("only the copy in this instance was asked").isEqualTo(finds);
        assertThat(events.all()).hasSize(2);
        assertThat(events.last().cacheHit()).isTrue();
    }

    @Test
    void requests_that_bypass_the_cache_are_never_answered_by_the_fast_path() {
        gemini.answers("Hello from Gemini");
        List<Runnable> handedToWorkers = new ArrayList<>();
        ModelGatewayService gateway = new ModelGatewayService(List.of(gemini, groq, offline), pool, new FakeSchemaValidator(),
                cache, events, clock, sleeper, SETTINGS, handedToWorkers::add);
        gateway.reply(text("Say hello"));
        handedToWorkers.remove(0).run();

        assertThat(gateway.reply(text("Say hello").toBuilder().cache(CachePolicy.bypass()).build()).toCompletableFuture())
                .isNotDone();
    }

    @Test
    void a_cached_answer_expires_after_its_ttl() {
        gemini.answers("Hello from Gemini");
        Calls gateway = gateway();
        ModelRequest request = text("Say hello").toBuilder().cache(CachePolicy.use(Duration.ofMinutes(5))).build();

        gateway.generate(request);
        clock.advance(Duration.ofMinutes(5));
        ModelResult later = gateway.generate(request);

        assertThat(later.cacheHit()).isFalse();
        assertThat(gemini.calls()).hasSize(2);
    }

    @Test
    void a_miss_takes_the_primary_models_key_while_the_cache_is_read_and_calls_with_it() {
        gemini.answers("Hello from Gemini");
        List<Integer> acquiredAtTheMiss = new ArrayList<>();
        cache.onceOnMiss(() -> acquiredAtTheMiss.add(pool.acquired().size()));

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(acquiredAtTheMiss).as("the key was asked for before the cache answered").containsExactly(1);
        assertThat(pool.acquired()).as("and used: no second acquire").containsExactly(FLASH);
        assertThat(pool.givenBack()).isEmpty();
        assertThat(result.keyId()).isEqualTo("key-1");
    }

    @Test
    void an_answer_found_in_the_shared_cache_gives_the_key_taken_meanwhile_back() {
        cache.storedByAnotherReplica(CacheKeys.of(text("Say hello")).orElseThrow(), new CachedGeneration("gemini",
                "gemini-2.5-flash", "Hello from another replica", TokenUsage.NONE, START), START.plusSeconds(60));

        ModelResult hit = gateway().generate(text("Say hello"));

        assertThat(hit.cacheHit()).isTrue();
        assertThat(hit.text()).isEqualTo("Hello from another replica");
        assertThat(gemini.calls()).isEmpty();
        assertThat(pool.acquired()).as("taken while the shared store was read").containsExactly(FLASH);
        assertThat(pool.givenBack()).as("its quota goes back").containsExactly(FLASH);
    }

    @Test
    void an_answer_this_instance_holds_takes_no_key_at_all() {
        gemini.answers("Hello from Gemini");
        Calls gateway = gateway();
        gateway.generate(text("Say hello"));
        pool.acquired().clear();

        ModelResult hit = gateway.generate(text("Say hello"));

        assertThat(hit.cacheHit()).isTrue();
        assertThat(pool.acquired()).isEmpty();
    }

    @Test
    void a_key_refused_while_the_cache_is_read_is_waited_for_as_before() {
        gemini.answers("Hello from Gemini");
        pool.thenNoKeyUntil(START.plusSeconds(2));

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.provider()).isEqualTo("gemini");
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2));
        assertThat(pool.acquired()).containsExactly(FLASH, FLASH);
        assertThat(pool.givenBack()).isEmpty();
    }

    @Test
    void a_key_taken_ahead_but_no_longer_usable_when_the_cache_answers_is_given_back() {
        Calls gateway = new Calls(new ModelGatewayService(List.of(gemini, offline), pool, new FakeSchemaValidator(), cache, events,
                clock, sleeper, new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3, Duration.ofSeconds(1)), Runnable::run));
        gemini.answers("too late");
        cache.onceOnMiss(() -> clock.advance(Duration.ofMillis(4500))); // a slow cache read eats the budget

        ModelResult result = gateway.generate(ModelRequest.text("test.text", List.of(FLASH, OFFLINE), "Say hello")
                .budget(Duration.ofSeconds(5)).build());

        assertThat(result.provider()).as("less than a call's minimum time left for the primary").isEqualTo("offline");
        assertThat(gemini.calls()).isEmpty();
        assertThat(pool.acquired()).containsExactly(FLASH);
        assertThat(pool.givenBack()).containsExactly(FLASH);
    }

    @Test
    void a_keyless_primary_model_takes_no_key_ahead() {
        ModelResult result = gateway().generate(ModelRequest.text("test.text", List.of(OFFLINE), "Say hello").build());

        assertThat(result.provider()).isEqualTo("offline");
        assertThat(pool.acquired()).isEmpty();
    }

    @Test
    void a_request_can_bypass_the_cache() {
        gemini.answers("Hello from Gemini");
        Calls gateway = gateway();
        ModelRequest request = text("Say hello").toBuilder().cache(CachePolicy.bypass()).build();

        gateway.generate(request);
        ModelResult second = gateway.generate(request);

        assertThat(second.cacheHit()).isFalse();
        assertThat(gemini.calls()).hasSize(2);
        assertThat(cache.lookups()).isZero();
        assertThat(cache.size()).isZero();
    }

    @Test
    void an_answer_from_a_fallback_model_is_not_cached() {
        gemini.fails(Kind.OVERLOADED);
        groq.answers("Hello from Groq");
        Calls gateway = gateway();

        gateway.generate(text("Say hello"));

        assertThat(cache.size()).isZero();
    }

    @Test
    void errors_are_not_cached() {
        gemini.fails(Kind.OVERLOADED).answers("recovered");
        Calls gateway = gateway();
        ModelRequest geminiOnly = ModelRequest.text("test.text", List.of(FLASH), "Say hello").build();

        assertThatExceptionOfType(ModelUnavailableException.class).isThrownBy(() -> gateway.generate(geminiOnly));
        assertThat(cache.puts()).isZero();
        assertThat(gateway.generate(geminiOnly).text()).isEqualTo("recovered");
    }

    @Test
    void identical_concurrent_requests_make_one_upstream_call() throws Exception {
        int callers = 8;
        CountDownLatch release = new CountDownLatch(1);
        gemini.then(call -> {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedProvider.text("shared answer");
        });
        Calls gateway = gateway();
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ModelResult>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) futures.add(executor.submit(() -> gateway.generate(text("Say hello"))));
            awaitLookups(2 * callers + 1);
            release.countDown();

            List<ModelResult> results = new ArrayList<>();
            for (Future<ModelResult> f : futures) results.add(f.get(10, TimeUnit.SECONDS));

            assertThat(gemini.calls()).hasSize(1);
            assertThat(results).extracting(ModelResult::text).containsOnly("shared answer");
            assertThat(results).filteredOn(r -> !r.cacheHit()).hasSize(1);
            assertThat(events.all()).hasSize(callers);
            assertThat(pool.acquired()).as("every caller took a key while reading the cache").hasSize(callers);
            assertThat(pool.givenBack()).as("all but the leader gave it back").hasSize(callers - 1);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void identical_concurrent_requests_share_a_failure_too() throws Exception {
        int callers = 4;
        CountDownLatch release = new CountDownLatch(1);
        gemini.then(call -> {
            try {
                if (!release.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new ProviderFailure(Kind.BLOCKED, "blocked");
        });
        Calls gateway = gateway();
        ExecutorService executor = Executors.newFixedThreadPool(callers);
        try {
            List<Future<ModelResult>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) futures.add(executor.submit(() -> gateway.generate(text("Say hello"))));
            awaitLookups(2 * callers + 1);
            release.countDown();

            for (Future<ModelResult> f : futures) {
                assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
                        .isThrownBy(() -> f.get(10, TimeUnit.SECONDS))
                        .withCauseInstanceOf(ModelBadResponseException.class);
            }
            // a failure is not cached, so a caller arriving after the leader finished may legitimately call again
            assertThat(gemini.calls()).hasSizeBetween(1, callers);
            assertThat(cache.size()).isZero();
            assertThat(events.all()).hasSize(callers).noneMatch(GenerationEvent::succeeded);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void a_flight_that_ends_between_a_lookup_and_joining_the_single_flight_is_found_without_another_upstream_call()
            throws Exception {
        gemini.answers("the first flight's answer");
        Calls gateway = gateway();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            // this caller's lookup misses; before it joins the single flight, an identical request runs and leaves
            cache.onceOnMiss(() -> {
                try {
                    other.submit(() -> gateway.generate(text("Say hello"))).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ModelResult late = gateway.generate(text("Say hello"));

            assertThat(gemini.calls()).hasSize(1);
            assertThat(late.cacheHit()).isTrue();
            assertThat(late.text()).isEqualTo("the first flight's answer");
            assertThat(cache.finds()).as("one read of the shared store per caller; the re-check stays local").isEqualTo(2);
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Every caller has looked in the cache (and missed) twice, in this instance's copy and then in the shared store,
     * and the leader once more before calling.
     */
    private void awaitLookups(int expected) throws InterruptedException {
        assertThat(cache.awaitLookups(expected, Duration.ofSeconds(10))).as("every caller looked in the cache").isTrue();
    }

    // ---- events ----

    @Test
    void a_successful_call_is_recorded_with_the_key_id_but_never_the_secret() {
        gemini.answers("Hello from Gemini");

        gateway().generate(text("Say hello").toBuilder().mode(GenerationMode.STRICT).build());

        GenerationEvent event = events.last();
        assertThat(event.operation()).isEqualTo("test.text");
        assertThat(event.provider()).isEqualTo("gemini");
        assertThat(event.model()).isEqualTo("gemini-2.5-flash");
        assertThat(event.keyId()).isEqualTo("key-1");
        assertThat(event.attempts()).isEqualTo(1);
        assertThat(event.mode()).isEqualTo(GenerationMode.STRICT);
        assertThat(event.quality()).isEqualTo(ResultQuality.OK);
        assertThat(event.usage()).isEqualTo(new TokenUsage(10, 5, 15));
        assertThat(event.cacheHit()).isFalse();
        assertThat(event.occurredAt()).isEqualTo(START);
        assertThat(event.toString()).doesNotContain(FakeKeyPool.DEFAULT_KEY.secret());
    }

    @Test
    void a_failed_call_is_recorded_with_its_error_codes() {
        gemini.fails(Kind.OVERLOADED);
        groq.fails(Kind.MODEL_UNAVAILABLE);
        List<ModelRef> twoModels = List.of(FLASH, LLAMA);

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> gateway().generate(ModelRequest.text("test.text", twoModels, "Say hello").build()));

        GenerationEvent event = events.last();
        assertThat(event.succeeded()).isFalse();
        assertThat(event.quality()).isNull();
        assertThat(event.provider()).isEqualTo("groq");
        assertThat(event.attempts()).isEqualTo(2);
        assertThat(event.errorCodes()).containsExactly("OVERLOADED", "MODEL_UNAVAILABLE", "MODEL_UNAVAILABLE");
    }

    @Test
    void an_event_store_that_throws_does_not_fail_the_call() {
        events.failing();
        gemini.answers("Hello from Gemini");

        ModelResult result = gateway().generate(text("Say hello"));

        assertThat(result.text()).isEqualTo("Hello from Gemini");
    }

    @Test
    void an_event_separates_the_time_spent_upstream_from_the_gateways_own() {
        gemini.then(call -> {
            clock.advance(Duration.ofMillis(200));
            return ScriptedProvider.text("Hello from Gemini");
        });

        gateway().generate(text("Say hello"));

        GenerationEvent event = events.last();
        assertThat(event.upstream()).isEqualTo(Duration.ofMillis(200));
        assertThat(event.latency()).isGreaterThanOrEqualTo(event.upstream());
        assertThat(event.latencyMs()).isEqualTo(event.latency().toMillis());
    }
}
