package dev.hexcore.adapters.ai.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderReply;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The default circuit breaker tells a model that is down from one that is flaky. */
class ProviderGuardsTest {
    private static final ProviderReply HELLO = new ProviderReply("hello", null, null, "m-1");

    /** The default breaker without the retries, so that each call is one attempt the breaker counts. */
    private static ProviderGuards defaultBreakerNoRetries() {
        var d = ResiliencePolicy.defaults();
        return new ProviderGuards("p", new ResiliencePolicy(0, d.retryDelay(), d.maxRetryDelay(), d.retryJitter(),
                d.breakerWindow(), d.breakerFailureRatio(), d.breakerOpenFor()));
    }

    private static Supplier<ProviderReply> failingEvery(AtomicInteger calls, int failuresInTen) {
        return () -> {
            if (calls.getAndIncrement() % 10 < failuresInTen) throw new ProviderFailure(Kind.TRANSIENT, "500");
            return HELLO;
        };
    }

    /** 500 calls of which a seeded 30 % fail; returns how many were refused by an open circuit. */
    private static int circuitOpenings(ResiliencePolicy breaker) {
        var guards = new ProviderGuards("p", new ResiliencePolicy(0, breaker.retryDelay(), breaker.maxRetryDelay(),
                breaker.retryJitter(), breaker.breakerWindow(), breaker.breakerFailureRatio(), breaker.breakerOpenFor()));
        var random = new java.util.Random(20261205);
        int refused = 0;
        for (int i = 0; i < 500; i++) {
            boolean fails = random.nextDouble() < 0.3;
            try {
                guards.call("m", () -> {
                    if (fails) throw new ProviderFailure(Kind.TRANSIENT, "500");
                    return HELLO;
                });
            } catch (ProviderFailure f) {
                if ("circuit_open".equals(f.providerCode())) refused++;
            }
        }
        return refused;
    }

    @Test
    void aModelFailingThirtyPercentOfCallsKeepsItsCircuitClosed() {
        assertThat(circuitOpenings(ResiliencePolicy.defaults())).isZero();
        // the former default, half of 10 calls, opened on the same run of failures
        var d = ResiliencePolicy.defaults();
        assertThat(circuitOpenings(new ResiliencePolicy(0, d.retryDelay(), d.maxRetryDelay(), d.retryJitter(), 10, 0.5,
                d.breakerOpenFor()))).isPositive();
    }

    @Test
    void aModelFailingEveryCallOpensItsCircuitWithinTheWindowAndOnlyItsOwn() {
        var guards = defaultBreakerNoRetries();
        var calls = new AtomicInteger();
        int window = ResiliencePolicy.defaults().breakerWindow();
        for (int i = 0; i < window; i++) {
            var failure = catchThrowableOfType(ProviderFailure.class, () -> guards.call("down", failingEvery(calls, 10)));
            assertThat(failure.kind()).isEqualTo(Kind.TRANSIENT);
        }

        var open = catchThrowableOfType(ProviderFailure.class, () -> guards.call("down", failingEvery(calls, 10)));

        assertThat(open.kind()).isEqualTo(Kind.OVERLOADED);
        assertThat(open.providerCode()).isEqualTo("circuit_open");
        assertThat(open.retryAfter()).isEqualTo(ResiliencePolicy.defaults().breakerOpenFor());
        assertThat(calls.get()).isEqualTo(window);
        assertThat(guards.call("up", () -> HELLO)).isEqualTo(HELLO);
    }
}
