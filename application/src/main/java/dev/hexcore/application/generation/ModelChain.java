package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.KeylessModelProvider;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Walks a request's model chain until a model answers: takes a key from the {@link ModelKeyPool} for each call
 * (waiting for one that recovers while a call could still finish), retries transient failures as often as the mode
 * allows, switches keys on key-related failures and models on overload, retirement or an empty answer, and tells the
 * pool what each failure says about the key. Knows nothing of the cache or of validation: it returns the first usable
 * reply. Thread-safe.
 */
final class ModelChain {
    /** What the chain got: a reply, or (for a structured request that may still be repaired) an unreadable answer. */
    sealed interface Answer {
    }

    record Reply(ModelRef model, ProviderReply reply) implements Answer {
    }

    /** The provider could not read the model's answer as JSON ({@code reason}); a repair round may fix it. */
    record Unreadable(ModelRef model, String reason) implements Answer {
    }

    private final Map<String, ModelProviderPort> providers;
    private final ModelKeyPool keys;
    private final Clock clock;
    private final Sleeper sleeper;
    private final GatewaySettings settings;

    ModelChain(List<? extends ModelProviderPort> providers, ModelKeyPool keys, Clock clock, Sleeper sleeper,
               GatewaySettings settings) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ModelProviderPort::name, Function.identity()));
        this.keys = keys;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    /** Whether {@code model}'s provider is known and takes keys from the pool (so a key may be started early). */
    boolean takesKeys(ModelRef model) {
        ModelProviderPort provider = providers.get(model.provider());
        return provider != null && !(provider instanceof KeylessModelProvider);
    }

    /** Whether less than {@link GatewaySettings#minCallTime} of the budget is left: no key is taken then. */
    boolean tooLateForAKey(Instant now, CallTrace trace) {
        return settings.minCallTime().isPositive() && !now.isBefore(trace.deadline().minus(settings.minCallTime()));
    }

    /**
     * The first usable answer of the chain for {@code request}, asking for {@code imageOutputs} images (image requests).
     * {@code mayRepair}: a structured answer the provider could not read comes back as {@link Unreadable} instead of
     * moving on to the next model.
     *
     * @throws ModelUnavailableException no model answered before the deadline
     * @throws ModelBadResponseException a model refused the request (blocked, invalid)
     */
    Answer call(ModelRequest request, int imageOutputs, boolean mayRepair, CallTrace trace) {
        for (ModelRef model : request.chain()) {
            ModelProviderPort provider = providers.get(model.provider());
            if (provider == null) {
                trace.error("UNKNOWN_PROVIDER");
                continue;
            }
            Optional<Answer> answer = callModel(new ModelRun(request, model, provider, imageOutputs, mayRepair), trace);
            if (answer.isPresent()) return answer.get();
            if (trace.deadlinePassed(clock.instant())) break;
        }
        throw unavailable(trace);
    }

    /** Tries one model until it answers (present) or the chain should move on to the next model (empty). */
    private Optional<Answer> callModel(ModelRun run, CallTrace trace) {
        trace.trying(run.model);
        while (true) {
            if (trace.deadlinePassed(clock.instant())) {
                trace.error("DEADLINE_EXCEEDED");
                return Optional.empty();
            }
            Optional<ProviderKey> key = key(run, trace);
            if (key.isEmpty()) return Optional.empty();
            Outcome outcome = callOnce(run, key.get(), trace);
            if (!outcome.again()) return Optional.ofNullable(outcome.answer());
        }
    }

    /**
     * A key for the model (the one started early for it, if any), waiting for one that recovers while a call could
     * still finish (at least {@link GatewaySettings#minCallTime} before the deadline); empty when none will.
     */
    private Optional<ProviderKey> key(ModelRun run, CallTrace trace) {
        if (run.keyless) return Optional.of(KeylessModelProvider.NO_KEY);
        Instant lastUsefulStart = trace.deadline().minus(settings.minCallTime());
        while (true) {
            Instant now = clock.instant();
            if (tooLateForAKey(now, trace)) {
                // too late to call: taking a key would spend its quota on a call that cannot finish in time
                trace.error("DEADLINE_EXCEEDED");
                return Optional.empty();
            }
            PendingLease early = trace.earlyKey().take(run.model);
            KeyLease lease = early != null ? early.lease() : keys.acquire(run.model, now);
            if (lease instanceof KeyLease.Granted granted) return Optional.of(granted.key());
            Instant recovery = ((KeyLease.Unavailable) lease).earliestRecovery();
            if (recovery != null && recovery.isBefore(lastUsefulStart)) {
                Duration wait = Duration.between(now, recovery);
                if (pause(wait.isPositive() ? wait : settings.retryBackoff(), trace)) continue;
            }
            trace.error("NO_KEY_AVAILABLE");
            trace.recoversAt(recovery);
            return Optional.empty();
        }
    }

    private Outcome callOnce(ModelRun run, ProviderKey key, CallTrace trace) {
        trace.calling(run.model, run.keyless ? null : key.id());
        ProviderReply reply;
        Instant sent = clock.instant();
        try {
            reply = run.provider.call(run.call(key, callTimeout(sent, trace)));
        } catch (ProviderFailure failure) {
            trace.called(Duration.between(sent, clock.instant()), TokenUsage.NONE);
            return afterFailure(run, key, failure, trace);
        }
        trace.called(Duration.between(sent, clock.instant()), reply.usage());
        if (!run.keyless) keys.recordUsage(key, run.model, reply.usage(), clock.instant());
        return accept(run, reply, trace);
    }

    private Outcome afterFailure(ModelRun run, ProviderKey key, ProviderFailure failure, CallTrace trace) {
        Instant failedAt = clock.instant();
        trace.error(failure.kind().name());
        if (!run.keyless) keys.report(key, run.model, failure, failedAt);
        if (failure.retryAfter() != null) trace.recoversAt(failedAt.plus(failure.retryAfter()));
        return switch (failure.kind()) {
            case RATE_LIMITED_MINUTE, RATE_LIMITED_DAY, RATE_LIMITED, KEY_INVALID, BILLING_QUOTA ->
                    run.keyless || ++run.keySwitches > settings.maxKeySwitches() ? Outcome.NEXT_MODEL : Outcome.AGAIN;
            case OVERLOADED, MODEL_UNAVAILABLE -> Outcome.NEXT_MODEL;
            case TRANSIENT, TIMEOUT -> ++run.failures < settings.modes().attempts(run.request.mode())
                    && pause(settings.retryBackoff().multipliedBy(run.failures), trace) ? Outcome.AGAIN : Outcome.NEXT_MODEL;
            case BAD_OUTPUT -> run.request.kind() == GenerationKind.STRUCTURED && run.mayRepair
                    ? Outcome.answer(new Unreadable(run.model, failure.getMessage())) : Outcome.NEXT_MODEL;
            case BLOCKED, INVALID_REQUEST -> throw new ModelBadResponseException(run.model,
                    run.model + " refused the request (" + failure.kind() + "): " + failure.getMessage());
        };
    }

    /** A reply is usable when it holds what the request's kind asks for; otherwise the next model is tried. */
    private static Outcome accept(ModelRun run, ProviderReply reply, CallTrace trace) {
        return switch (run.request.kind()) {
            case IMAGE -> {
                if (!reply.images().isEmpty()) yield Outcome.answer(new Reply(run.model, reply));
                trace.error("NO_IMAGE");
                yield Outcome.NEXT_MODEL;
            }
            case TEXT, CHAT -> {
                if (reply.text() != null && !reply.text().isBlank()) yield Outcome.answer(new Reply(run.model, reply));
                trace.error("EMPTY_ANSWER");
                yield Outcome.NEXT_MODEL;
            }
            case STRUCTURED -> Outcome.answer(new Reply(run.model, reply));
        };
    }

    /** Trying one model: what has been spent on it. */
    private static final class ModelRun {
        final ModelRequest request;
        final ModelRef model;
        final ModelProviderPort provider;
        final boolean keyless;
        final int imageOutputs;
        final boolean mayRepair;
        int failures;
        int keySwitches;

        ModelRun(ModelRequest request, ModelRef model, ModelProviderPort provider, int imageOutputs, boolean mayRepair) {
            this.request = request;
            this.model = model;
            this.provider = provider;
            this.keyless = provider instanceof KeylessModelProvider;
            this.imageOutputs = imageOutputs;
            this.mayRepair = mayRepair;
        }

        ProviderCall call(ProviderKey key, Duration timeout) {
            return new ProviderCall(model.model(), key, request.system(), request.messages(), request.jsonSchema(),
                    request.images(), imageOutputs, request.temperature(), request.maxOutputTokens(), timeout);
        }
    }

    /** After one upstream call: an answer, another call to the same model, or on to the next model. */
    private record Outcome(Answer answer, boolean again) {
        static final Outcome AGAIN = new Outcome(null, true);
        static final Outcome NEXT_MODEL = new Outcome(null, false);

        static Outcome answer(Answer answer) {
            return new Outcome(answer, false);
        }
    }

    private Duration callTimeout(Instant now, CallTrace trace) {
        Duration left = Duration.between(now, trace.deadline());
        return left.compareTo(settings.callTimeout()) < 0 ? left : settings.callTimeout();
    }

    /** Waits unless that would reach the deadline; false when it would (or the wait was interrupted). */
    private boolean pause(Duration wait, CallTrace trace) {
        if (!clock.instant().plus(wait).isBefore(trace.deadline())) return false;
        try {
            sleeper.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting for a model", null);
        }
    }

    private ModelUnavailableException unavailable(CallTrace trace) {
        Duration retryAfter = null;
        if (trace.earliestRecovery() != null) {
            Duration left = Duration.between(clock.instant(), trace.earliestRecovery());
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            retryAfter = Duration.ofSeconds(seconds);
        }
        return new ModelUnavailableException("No model of the chain could answer (" + trace.errorSummary() + ")", retryAfter);
    }
}
