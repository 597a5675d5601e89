package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.CachedGeneration;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEvents;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.KeylessModelProvider;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.ProviderReply;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model gateway. For each request: answer from the response cache when allowed (identical concurrent requests in
 * this instance share one upstream call, and the cache stores an answer in this instance before its flight ends, so
 * a request arriving just after finds it there); otherwise walk the model chain, taking a key from the {@link ModelKeyPool}
 * for each call (waiting for one that recovers before the deadline), retrying transient failures as often as the mode
 * allows, switching keys on key-related failures and models on overload or retirement; validate structured answers
 * against their schema and send the problems back for as many repair rounds as the mode allows. Every call is
 * recorded as a {@link GenerationEvent}; recording never fails the call. Thread-safe.
 *
 * <p>Caching: the key is computed for the chain's primary model (see {@link CacheKeys}); only OK answers of the
 * primary model are stored, so a fallback's (or the offline provider's) degraded answer is never served from the cache
 * after the primary recovers. Image requests are not cached. {@link dev.hexcore.domain.generation.CachePolicy#bypass()}
 * neither reads nor writes.
 */
public final class ModelGateway implements ModelGatewayUseCase {
    private static final System.Logger LOG = System.getLogger(ModelGateway.class.getName());

    private final Map<String, ModelProviderPort> providers;
    private final ModelKeyPool keys;
    private final JsonSchemaValidator validator;
    private final GenerationCache cache;
    private final GenerationEvents events;
    private final Clock clock;
    private final Sleeper sleeper;
    private final GatewaySettings settings;
    private final ConcurrentHashMap<String, CompletableFuture<ModelResult>> inFlight = new ConcurrentHashMap<>();

    public ModelGateway(List<? extends ModelProviderPort> providers, ModelKeyPool keys, JsonSchemaValidator validator,
                        GenerationCache cache, GenerationEvents events, Clock clock, Sleeper sleeper,
                        GatewaySettings settings) {
        this.providers = providers.stream().collect(Collectors.toUnmodifiableMap(ModelProviderPort::name, Function.identity()));
        this.keys = keys;
        this.validator = validator;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    @Override
    public ModelResult generate(ModelRequest request) {
        CallTrace trace = new CallTrace(request, clock.instant());
        try {
            ModelResult result = answer(request, trace);
            record(trace.succeeded(result, clock.instant()));
            return result;
        } catch (RuntimeException e) {
            record(trace.failed(e instanceof DomainException d ? d.code() : e.getClass().getSimpleName(), clock.instant()));
            throw e;
        }
    }

    @Override
    public Optional<ModelResult> generateIfHeld(ModelRequest request) {
        Optional<String> key = CacheKeys.of(request);
        if (key.isEmpty()) return Optional.empty();
        CallTrace trace = new CallTrace(request, clock.instant());
        Optional<ModelResult> held = lookup(key.get(), true, trace);
        held.ifPresent(result -> record(trace.succeeded(result, clock.instant())));
        return held;
    }

    private ModelResult answer(ModelRequest request, CallTrace trace) {
        if (request.kind() == GenerationKind.STRUCTURED) validator.checkSchema(request.jsonSchema());
        Optional<String> cacheKey = CacheKeys.of(request);
        if (cacheKey.isEmpty()) return callChain(request, trace);
        String key = cacheKey.get();
        // what this process holds answers without a round trip, and without taking a key
        Optional<ModelResult> held = lookup(key, true, trace);
        if (held.isPresent()) return held.get();
        startEarlyKey(request, trace);
        try {
            return answerCacheable(request, key, trace);
        } finally {
            trace.giveBackEarlyKey();
        }
    }

    /**
     * Starts taking a key for the primary model before the cache is read, so the key pool's round trip runs during
     * the cache's; the cache read decides whether the key is used ({@link #key}) or given back (a hit, a shared
     * flight, or any way out that did not call the primary model). Only when the primary takes keys and a key would
     * be taken now at all (enough of the budget left).
     */
    private void startEarlyKey(ModelRequest request, CallTrace trace) {
        ModelRef primary = request.primary();
        ModelProviderPort provider = providers.get(primary.provider());
        if (provider == null || provider instanceof KeylessModelProvider) return;
        Instant now = clock.instant();
        if (tooLateForAKey(now, trace)) return;
        trace.earlyKey(primary, keys.startAcquire(primary, now));
    }

    private ModelResult answerCacheable(ModelRequest request, String key, CallTrace trace) {
        Optional<ModelResult> cached = lookup(key, false, trace);
        if (cached.isPresent()) {
            trace.giveBackEarlyKey();
            return cached.get();
        }

        CompletableFuture<ModelResult> mine = new CompletableFuture<>();
        CompletableFuture<ModelResult> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            trace.giveBackEarlyKey(); // not held while waiting for the other flight
            return follow(running, trace);
        }
        try {
            // a flight of this instance may have stored the answer (and left) between our lookup and putIfAbsent;
            // it stored it locally before leaving, so the cheap local check is enough
            ModelResult result = lookup(key, true, trace).orElseGet(() -> callChain(request, trace));
            if (!result.cacheHit()) store(key, request, result);
            mine.complete(result);
            return result;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    // ---- the cache and single flight ----

    /** The cached answer; {@code localOnly} asks only what this instance holds (see {@link GenerationCache#getLocal}). */
    private Optional<ModelResult> lookup(String key, boolean localOnly, CallTrace trace) {
        Optional<CachedGeneration> hit;
        try {
            hit = localOnly ? cache.getLocal(key, clock.instant()) : cache.get(key, clock.instant());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Response cache lookup failed; calling the model", e);
            trace.error("CACHE_UNAVAILABLE");
            return Optional.empty();
        }
        return hit.map(entry -> {
            boolean structured = trace.request.kind() == GenerationKind.STRUCTURED;
            return new ModelResult(structured ? null : entry.text(), structured ? entry.text() : null, List.of(),
                    entry.provider(), entry.model(), null, null, 0, 0, ResultQuality.OK, true,
                    trace.latency(clock.instant()));
        });
    }

    private void store(String key, ModelRequest request, ModelResult result) {
        if (result.quality() != ResultQuality.OK) return;
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

    /** Waits for the identical request already running in this instance and shares its outcome. */
    private ModelResult follow(CompletableFuture<ModelResult> running, CallTrace trace) {
        long waitMillis = Math.max(1, Duration.between(clock.instant(), trace.deadline).toMillis());
        try {
            ModelResult shared = running.get(waitMillis, TimeUnit.MILLISECONDS);
            return shared.sharedWith(trace.latency(clock.instant()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            trace.error("DEADLINE_EXCEEDED");
            throw new ModelUnavailableException("An identical request did not finish before the deadline", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting for an identical request", null);
        }
    }

    // ---- the model chain ----

    private ModelResult callChain(ModelRequest request, CallTrace trace) {
        for (ModelRef model : request.chain()) {
            ModelProviderPort provider = providers.get(model.provider());
            if (provider == null) {
                trace.error("UNKNOWN_PROVIDER");
                continue;
            }
            Optional<ModelResult> result = callModel(request, model, provider, trace);
            if (result.isPresent()) return result.get();
            if (trace.deadlinePassed(clock.instant())) break;
        }
        throw unavailable(trace);
    }

    /** Tries one model until it answers (present) or the gateway should move on to the next model (empty). */
    private Optional<ModelResult> callModel(ModelRequest request, ModelRef model, ModelProviderPort provider,
                                            CallTrace trace) {
        trace.model = model;
        ModelRun run = new ModelRun(request, model, provider);
        while (true) {
            if (trace.deadlinePassed(clock.instant())) {
                trace.error("DEADLINE_EXCEEDED");
                return Optional.empty();
            }
            Optional<ProviderKey> key = key(run, trace);
            if (key.isEmpty()) return Optional.empty();
            Outcome outcome = callOnce(run, key.get(), trace);
            if (!outcome.again()) return Optional.ofNullable(outcome.result());
        }
    }

    /**
     * A key for the model, waiting for one that recovers while a call could still finish (at least
     * {@link GatewaySettings#minCallTime} before the deadline); empty when none will.
     */
    private Optional<ProviderKey> key(ModelRun run, CallTrace trace) {
        if (run.keyless) return Optional.of(KeylessModelProvider.NO_KEY);
        Instant lastUsefulStart = trace.deadline.minus(settings.minCallTime());
        while (true) {
            Instant now = clock.instant();
            if (tooLateForAKey(now, trace)) {
                // too late to call: taking a key would spend its quota on a call that cannot finish in time
                trace.error("DEADLINE_EXCEEDED");
                return Optional.empty();
            }
            PendingLease early = trace.takeEarlyKey(run.model);
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

    /** Whether less than {@link GatewaySettings#minCallTime} of the budget is left: no key is taken then. */
    private boolean tooLateForAKey(Instant now, CallTrace trace) {
        return settings.minCallTime().isPositive() && !now.isBefore(trace.deadline.minus(settings.minCallTime()));
    }

    private Outcome callOnce(ModelRun run, ProviderKey key, CallTrace trace) {
        trace.keyId = run.keyless ? null : key.id();
        trace.attempts++;
        ProviderReply reply;
        Instant sent = clock.instant();
        try {
            reply = run.provider.call(run.call(key, callTimeout(sent, trace)));
        } catch (ProviderFailure failure) {
            trace.upstream = trace.upstream.plus(Duration.between(sent, clock.instant()));
            return afterFailure(run, key, failure, trace);
        }
        trace.upstream = trace.upstream.plus(Duration.between(sent, clock.instant()));
        if (!run.keyless) keys.recordUsage(key, run.model, reply.usage(), clock.instant());
        trace.usage = trace.usage.plus(reply.usage());
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
            case TRANSIENT, TIMEOUT -> ++run.failures < run.request.mode().attempts()
                    && pause(settings.retryBackoff().multipliedBy(run.failures), trace) ? Outcome.AGAIN : Outcome.NEXT_MODEL;
            case BAD_OUTPUT -> {
                if (run.request.kind() != GenerationKind.STRUCTURED || !run.mayRepair()) yield Outcome.NEXT_MODEL;
                run.repair(trace, ChatMessage.user(RepairPrompts.unreadable(failure.getMessage())));
                yield Outcome.AGAIN;
            }
            case BLOCKED, INVALID_REQUEST -> throw new ModelBadResponseException(run.model,
                    run.model + " refused the request (" + failure.kind() + "): " + failure.getMessage());
        };
    }

    /** Checks an answer: the result, or a repair round for a structured answer that broke its schema. */
    private Outcome accept(ModelRun run, ProviderReply reply, CallTrace trace) {
        return switch (run.request.kind()) {
            case IMAGE -> {
                if (!reply.images().isEmpty()) yield Outcome.answer(result(null, null, reply, run.model, ResultQuality.OK, trace));
                trace.error("NO_IMAGE");
                yield Outcome.NEXT_MODEL;
            }
            case TEXT, CHAT -> {
                if (reply.text() != null && !reply.text().isBlank()) {
                    yield Outcome.answer(result(reply.text(), null, reply, run.model, ResultQuality.OK, trace));
                }
                trace.error("EMPTY_ANSWER");
                yield Outcome.NEXT_MODEL;
            }
            case STRUCTURED -> {
                String json = reply.text() == null ? "" : reply.text();
                List<String> problems = validator.validate(run.request.jsonSchema(), json);
                if (problems.isEmpty()) yield Outcome.answer(result(null, json, reply, run.model, ResultQuality.OK, trace));
                trace.error("SCHEMA_INVALID");
                if (!run.mayRepair()) {
                    yield Outcome.answer(result(null, json, reply, run.model, ResultQuality.NEEDS_REVIEW, trace));
                }
                run.repair(trace, ChatMessage.assistant(json), ChatMessage.user(RepairPrompts.invalid(problems)));
                yield Outcome.AGAIN;
            }
        };
    }

    /** Trying one model: the conversation so far (repair rounds append to it) and what has been spent. */
    private static final class ModelRun {
        final ModelRequest request;
        final ModelRef model;
        final ModelProviderPort provider;
        final boolean keyless;
        final List<ChatMessage> messages;
        int failures;
        int keySwitches;
        int rounds;

        ModelRun(ModelRequest request, ModelRef model, ModelProviderPort provider) {
            this.request = request;
            this.model = model;
            this.provider = provider;
            this.keyless = provider instanceof KeylessModelProvider;
            this.messages = new ArrayList<>(request.messages());
        }

        ProviderCall call(ProviderKey key, Duration timeout) {
            return new ProviderCall(model.model(), key, request.system(), messages, request.jsonSchema(),
                    request.images(), request.imageOutputs(), request.temperature(), request.maxOutputTokens(), timeout);
        }

        boolean mayRepair() {
            return rounds < request.mode().repairRounds();
        }

        void repair(CallTrace trace, ChatMessage... turns) {
            rounds++;
            trace.repairs++;
            messages.addAll(List.of(turns));
        }
    }

    /** After one upstream call: an answer, another call to the same model, or on to the next model. */
    private record Outcome(ModelResult result, boolean again) {
        static final Outcome AGAIN = new Outcome(null, true);
        static final Outcome NEXT_MODEL = new Outcome(null, false);

        static Outcome answer(ModelResult result) {
            return new Outcome(result, false);
        }
    }

    private ModelResult result(String text, String json, ProviderReply reply, ModelRef model, ResultQuality quality,
                               CallTrace trace) {
        return new ModelResult(text, json, reply.images(), model.provider(), model.model(), trace.keyId, trace.usage,
                trace.attempts, trace.repairs, quality, false, trace.latency(clock.instant()));
    }

    private Duration callTimeout(Instant now, CallTrace trace) {
        Duration left = Duration.between(now, trace.deadline);
        return left.compareTo(settings.callTimeout()) < 0 ? left : settings.callTimeout();
    }

    /** Waits unless that would reach the deadline; false when it would (or the wait was interrupted). */
    private boolean pause(Duration wait, CallTrace trace) {
        if (!clock.instant().plus(wait).isBefore(trace.deadline)) return false;
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
        if (trace.earliestRecovery != null) {
            Duration left = Duration.between(clock.instant(), trace.earliestRecovery);
            long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
            retryAfter = Duration.ofSeconds(seconds);
        }
        String tried = trace.errors.isEmpty() ? "no model could be tried"
                : String.join(", ", new LinkedHashSet<>(trace.errors));
        return new ModelUnavailableException("No model of the chain could answer (" + tried + ")", retryAfter);
    }

    private void record(GenerationEvent event) {
        try {
            events.record(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not record a generation event for " + event.operation(), e);
        }
    }
}
