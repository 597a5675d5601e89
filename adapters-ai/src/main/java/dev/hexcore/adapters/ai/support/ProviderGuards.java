package dev.hexcore.adapters.ai.support;

import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderReply;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * SmallRye Fault Tolerance guards of one provider, one per model (annotations would give one circuit breaker per
 * method, so the guards are built with the programmatic {@link Guard} API and kept in a map). A guard retries only
 * {@link Kind#TRANSIENT} failures: rate limits, key errors and the rest are the gateway's business. Its circuit breaker
 * counts TRANSIENT, OVERLOADED and TIMEOUT failures; while it is open, calls fail at once with OVERLOADED.
 */
public final class ProviderGuards {
    private static final Logger LOG = Logger.getLogger(ProviderGuards.class);
    private static final Set<Kind> BREAKER_FAILURES = EnumSet.of(Kind.TRANSIENT, Kind.OVERLOADED, Kind.TIMEOUT);

    private final String provider;
    private final ResiliencePolicy policy;
    private final Map<String, Guard> byModel = new ConcurrentHashMap<>();

    public ProviderGuards(String provider, ResiliencePolicy policy) {
        this.provider = provider;
        this.policy = policy;
    }

    /** Runs {@code call} through the guard of {@code model}; every failure comes out as a {@link ProviderFailure}. */
    public ProviderReply call(String model, Supplier<ProviderReply> call) {
        Guard guard = byModel.computeIfAbsent(model, this::newGuard);
        try {
            return guard.get(call, ProviderReply.class);
        } catch (CircuitBreakerOpenException open) {
            throw new ProviderFailure(Kind.OVERLOADED, "circuit open for " + provider + "/" + model
                    + " after repeated failures", policy.breakerOpenFor(), "circuit_open");
        }
    }

    private Guard newGuard(String model) {
        String name = provider + "/" + model;
        return Guard.create()
                .withDescription(name)
                .withRetry()
                    .maxRetries(policy.maxRetries())
                    .delay(policy.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(policy.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .whenException(ProviderGuards::isTransient)
                    .withExponentialBackoff()
                        .factor(2)
                        .maxDelay(policy.maxRetryDelay().toMillis(), ChronoUnit.MILLIS)
                        .done()
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(policy.breakerWindow())
                    .failureRatio(policy.breakerFailureRatio())
                    .delay(policy.breakerOpenFor().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    .when(ProviderGuards::countsAgainstCircuit)
                    .onStateChange(state -> LOG.infof("Circuit of %s is now %s", name, state))
                    .done()
                .build();
    }

    private static boolean isTransient(Throwable failure) {
        return failure instanceof ProviderFailure pf && pf.kind() == Kind.TRANSIENT;
    }

    private static boolean countsAgainstCircuit(Throwable failure) {
        return failure instanceof ProviderFailure pf && BREAKER_FAILURES.contains(pf.kind());
    }
}
