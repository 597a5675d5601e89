package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.generation.fakes.ClockSleeper;
import dev.hexcore.application.generation.fakes.FakeKeyPool;
import dev.hexcore.application.generation.fakes.KeylessScriptedProvider;
import dev.hexcore.application.generation.fakes.ScriptedProvider;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chain on its own: what it returns and what it tells the trace; the gateway's tests cover it end to end. */
class ModelChainTest {
    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private static final ModelRef FLASH = new ModelRef("gemini", "gemini-2.5-flash");
    private static final ModelRef OFFLINE = new ModelRef("offline", "offline");
    private static final String SCHEMA = "{\"type\":\"object\"}";

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedProvider gemini = new ScriptedProvider("gemini");
    private final KeylessScriptedProvider offline = new KeylessScriptedProvider("offline");
    private final FakeKeyPool pool = new FakeKeyPool();
    private final ModelChain chain = new ModelChain(List.of(gemini, offline), pool, clock, new ClockSleeper(clock),
            new GatewaySettings(Duration.ofSeconds(20), Duration.ofMillis(500), 3, Duration.ofSeconds(1)));

    @Test
    void the_first_model_that_answers_gives_the_reply_and_the_trace_says_what_it_cost() {
        gemini.fails(Kind.OVERLOADED);
        offline.answers("offline answer");
        ModelRequest request = ModelRequest.text("op", List.of(FLASH, OFFLINE), "Hi").build();
        CallTrace trace = CallTrace.of(request, START);

        ModelChain.Answer answer = chain.call(request, 0, false, trace);

        assertThat(answer).isInstanceOfSatisfying(ModelChain.Reply.class, reply -> {
            assertThat(reply.model()).isEqualTo(OFFLINE);
            assertThat(reply.reply().text()).isEqualTo("offline answer");
        });
        assertThat(trace.attempts()).isEqualTo(2);
        assertThat(trace.errors()).containsExactly("OVERLOADED");
        assertThat(trace.keyId()).as("the keyless call is the last one").isNull();
    }

    @Test
    void an_unreadable_structured_answer_comes_back_for_repair_only_while_one_is_allowed() {
        ProviderFailure unreadable = new ProviderFailure(Kind.BAD_OUTPUT, "json_validate_failed");
        gemini.fails(unreadable);
        offline.answers("{}");
        ModelRequest request = ModelRequest.structured("op", List.of(FLASH, OFFLINE), "Describe", SCHEMA).build();

        ModelChain.Answer repairable = chain.call(request, 0, true, CallTrace.of(request, START));
        ModelChain.Answer moved = chain.call(request, 0, false, CallTrace.of(request, START));

        assertThat(repairable).isEqualTo(new ModelChain.Unreadable(FLASH, "json_validate_failed"));
        assertThat(moved).isInstanceOfSatisfying(ModelChain.Reply.class, r -> assertThat(r.model()).isEqualTo(OFFLINE));
    }

    @Test
    void the_key_started_early_is_used_for_the_first_call_to_its_model() {
        gemini.answers("hello");
        ModelRequest request = ModelRequest.text("op", List.of(FLASH), "Hi").build();
        CallTrace trace = CallTrace.of(request, START);
        PendingLease early = pool.startAcquire(FLASH, START);
        trace.earlyKey().hold(FLASH, early);

        chain.call(request, 0, false, trace);

        assertThat(pool.acquired()).as("no second acquire").containsExactly(FLASH);
    }

    @Test
    void with_nothing_left_to_try_it_fails_naming_what_it_met() {
        gemini.fails(Kind.MODEL_UNAVAILABLE);
        ModelRequest request = ModelRequest.text("op", List.of(FLASH, new ModelRef("nobody", "x")), "Hi").build();

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> chain.call(request, 0, false, CallTrace.of(request, START)))
                .withMessageContaining("MODEL_UNAVAILABLE").withMessageContaining("UNKNOWN_PROVIDER");
    }

    @Test
    void a_key_is_a_matter_for_models_whose_provider_takes_keys() {
        assertThat(chain.takesKeys(FLASH)).isTrue();
        assertThat(chain.takesKeys(OFFLINE)).isFalse();
        assertThat(chain.takesKeys(new ModelRef("nobody", "x"))).isFalse();
    }
}
