package dev.hexcore.application.generation;

import dev.hexcore.application.generation.ModelChain.Answer;
import dev.hexcore.application.generation.ModelChain.Reply;
import dev.hexcore.application.generation.ModelChain.Unreadable;
import dev.hexcore.application.generation.StructuredCheck.Checked;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.GenerationCache;
import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.GenerationEvents;
import dev.hexcore.domain.generation.GenerationKind;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.JsonSchemaValidator;
import dev.hexcore.domain.generation.ModelKeyPool;
import dev.hexcore.domain.generation.ModelProviderPort;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.generation.ValidationIssue;
import dev.hexcore.domain.shared.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The model gateway: puts its pieces together for each operation, each piece with one job.
 * <ul>
 *   <li>{@link ResponseCache}: the key, reads (this process's copy, then the shared store), what is stored;</li>
 *   <li>{@link EarlyKey}: on a miss in this process, the primary model's key is started while the shared store is
 *   read, and given back unless the call that needs it is made;</li>
 *   <li>{@link SingleFlight}: identical concurrent requests of this process share one upstream call;</li>
 *   <li>{@link ModelChain}: models, keys, retries and fault tolerance;</li>
 *   <li>{@link StructuredCheck} and {@link RepairPrompts}: validation of structured answers and the repair rounds;</li>
 *   <li>{@link CallTrace}: what each call did, recorded as one {@link GenerationEvent} (recording never fails a call).</li>
 * </ul>
 * Thread-safe.
 */
public final class ModelGatewayService implements ModelGateway {
    private static final System.Logger LOG = System.getLogger(ModelGatewayService.class.getName());
    private static final String BAD_OUTPUT = "BAD_OUTPUT";

    private final ModelChain chain;
    private final ResponseCache responses;
    private final StructuredCheck checks;
    private final SingleFlight<Answered> flights = new SingleFlight<>();
    private final GenerationEvents events;
    private final Clock clock;
    private final GatewaySettings settings;
    private final ModelKeyPool keys;
    private final Executor workers;

    /**
     * @param workers where a text or chat request the cache of this process cannot answer runs (it may block on the
     *                shared cache, the key pool and the model)
     */
    public ModelGatewayService(List<? extends ModelProviderPort> providers, ModelKeyPool keys,
                               JsonSchemaValidator validator, GenerationCache cache, GenerationEvents events, Clock clock,
                               Sleeper sleeper, GatewaySettings settings, Executor workers) {
        this.chain = new ModelChain(providers, keys, clock, sleeper, settings);
        this.responses = new ResponseCache(cache, clock);
        this.checks = new StructuredCheck(validator);
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        this.keys = keys;
        this.workers = workers;
    }

    /** One step's answer: the result, and for a structured step its problems or the reason it could not be read. */
    private record Answered(ModelResult result, List<ValidationIssue> issues, String unreadable) {
        static Answered of(ModelResult result) {
            return new Answered(result, List.of(), null);
        }

        Answered sharedWith(Duration latency) {
            return new Answered(result.sharedWith(latency), issues, unreadable);
        }
    }

    // ---- text and chat ----

    @Override
    public CompletionStage<ModelResult> reply(ModelRequest request) {
        requireKind(request, Set.of(GenerationKind.TEXT, GenerationKind.CHAT), "reply");
        CallTrace trace = CallTrace.of(request, clock.instant());
        Optional<String> key = responses.key(request);
        Optional<ModelResult> held = key.flatMap(k -> responses.held(k, trace));
        if (held.isPresent()) {
            record(trace.succeeded(held.get(), clock.instant()));
            return CompletableFuture.completedFuture(held.get());
        }
        CompletableFuture<ModelResult> answer = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                try {
                    answer.complete(recorded(trace, () -> miss(request, key, trace, false)).result());
                } catch (RuntimeException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            record(trace.failed(ModelUnavailableException.CODE, clock.instant()));
            answer.completeExceptionally(new ModelUnavailableException("The gateway is too busy to take the request", null));
        }
        return answer;
    }

    // ---- structured ----

    @Override
    public ModelResult structured(ModelRequest request) {
        requireKind(request, Set.of(GenerationKind.STRUCTURED), "structured");
        Instant start = clock.instant();
        Instant deadline = start.plus(request.budget());
        try {
            checks.checkSchema(request);
        } catch (RuntimeException e) {
            record(CallTrace.of(request, start).failed(codeOf(e), clock.instant()));
            throw e;
        }
        int rounds = settings.modes().repairRounds(request.mode());
        List<ChatMessage> conversation = new ArrayList<>(request.messages());
        List<String> carried = List.of();
        int attempts = 0;
        TokenUsage usage = TokenUsage.NONE;
        for (int round = 0; ; round++) {
            ModelRequest step = round == 0 ? request : request.toBuilder().messages(conversation).build();
            CallTrace trace = new CallTrace(step, clock.instant(), deadline, round, carried);
            boolean mayRepair = round < rounds;
            Answered answered = recorded(trace, () -> structuredStep(step, trace, mayRepair));
            carried = trace.errors();
            attempts += answered.result().attempts();
            usage = usage.plus(answered.result().usage());
            if (answered.unreadable() != null) {
                conversation.add(ChatMessage.user(RepairPrompts.unreadable(answered.unreadable())));
            } else if (answered.issues().isEmpty() || !mayRepair) {
                return answered.result().toBuilder().attempts(attempts).usage(usage).repairs(round)
                        .latency(Duration.between(start, clock.instant())).build();
            } else {
                conversation.add(ChatMessage.assistant(answered.result().json()));
                conversation.add(ChatMessage.user(RepairPrompts.invalid(answered.issues())));
            }
        }
    }

    /** One structured step: from this process's copy, else like any miss; the answer is checked before it is stored. */
    private Answered structuredStep(ModelRequest request, CallTrace trace, boolean mayRepair) {
        Optional<String> key = responses.key(request);
        Optional<ModelResult> held = key.flatMap(k -> responses.held(k, trace));
        return held.isPresent() ? checked(request, held.get(), trace) : miss(request, key, trace, mayRepair);
    }

    // ---- images ----

    @Override
    public ModelResult images(ModelRequest request) {
        requireKind(request, Set.of(GenerationKind.IMAGE), "images");
        CallTrace trace = CallTrace.of(request, clock.instant());
        return recorded(trace, () -> {
            List<ImageData> images = new ArrayList<>();
            ModelRef model = null;
            while (images.size() < request.imageOutputs()) {
                Reply reply = (Reply) chain.call(request, request.imageOutputs() - images.size(), false, trace);
                model = reply.model();
                images.addAll(reply.reply().images());
            }
            return Answered.of(trace.result(model, clock.instant())
                    .images(images.subList(0, request.imageOutputs())).build());
        }).result();
    }

    // ---- a miss: the shared cache, the single flight, the chain ----

    /**
     * The answer after a miss in this process's copy. For a cacheable request the primary model's key is started
     * before the shared store is read ({@link EarlyKey}), then: a hit there; or the identical flight running in this
     * process, followed; or, as the flight's leader, a last look at this process's copy (a flight may have stored the
     * answer and left since) and the chain. Whatever does not call the primary model gives its key back.
     */
    private Answered miss(ModelRequest request, Optional<String> cacheKey, CallTrace trace, boolean mayRepair) {
        if (cacheKey.isEmpty()) return fromChain(request, trace, mayRepair);
        String key = cacheKey.get();
        startEarlyKey(request, trace);
        try {
            Optional<ModelResult> stored = responses.stored(key, trace);
            if (stored.isPresent()) return checked(request, stored.get(), trace);
            SingleFlight.Joined<Answered> joined = flights.join(key);
            if (joined instanceof SingleFlight.Follower<Answered> follower) {
                trace.earlyKey().giveBack(); // not held while waiting for the other flight
                return follow(follower, trace);
            }
            return flights.run((SingleFlight.Leader<Answered>) joined, () -> {
                Optional<ModelResult> held = responses.held(key, trace);
                if (held.isPresent()) return checked(request, held.get(), trace);
                Answered answered = fromChain(request, trace, mayRepair);
                responses.store(key, request, answered.result());
                return answered;
            });
        } finally {
            trace.earlyKey().giveBack();
        }
    }

    /** Starts the primary's key while the cache is read, when it takes keys and a key would be taken now at all. */
    private void startEarlyKey(ModelRequest request, CallTrace trace) {
        ModelRef primary = request.primary();
        Instant now = clock.instant();
        if (!chain.takesKeys(primary) || chain.tooLateForAKey(now, trace)) return;
        trace.earlyKey().hold(primary, keys.startAcquire(primary, now));
    }

    private Answered follow(SingleFlight.Follower<Answered> follower, CallTrace trace) {
        try {
            return flights.await(follower, Duration.between(clock.instant(), trace.deadline()))
                    .sharedWith(trace.latency(clock.instant()));
        } catch (SingleFlight.FlightTimedOut e) {
            trace.error("DEADLINE_EXCEEDED");
            throw e;
        }
    }

    /** What the chain answers, as this step's result (checked, for a structured request). */
    private Answered fromChain(ModelRequest request, CallTrace trace, boolean mayRepair) {
        Answer answer = chain.call(request, request.imageOutputs(), mayRepair, trace);
        return switch (answer) {
            case Unreadable unreadable -> new Answered(trace.result(unreadable.model(), clock.instant())
                    .quality(ResultQuality.NEEDS_REVIEW).validationErrors(List.of(BAD_OUTPUT)).build(), List.of(),
                    unreadable.reason());
            case Reply reply when request.kind() == GenerationKind.STRUCTURED ->
                    checked(request, trace.result(reply.model(), clock.instant()).json(reply.reply().text()).build(), trace);
            case Reply reply -> Answered.of(trace.result(reply.model(), clock.instant()).text(reply.reply().text()).build());
        };
    }

    /** A structured answer with its check applied (quality, error codes, the normalised JSON); others as they are. */
    private Answered checked(ModelRequest request, ModelResult result, CallTrace trace) {
        if (request.kind() != GenerationKind.STRUCTURED) return Answered.of(result);
        Checked checked = checks.check(request, result.json());
        if (!checked.ok()) checked.codes().forEach(trace::error);
        return new Answered(result.toBuilder().json(checked.json())
                .quality(checked.ok() ? ResultQuality.OK : ResultQuality.NEEDS_REVIEW)
                .validationErrors(checked.codes()).build(), checked.issues(), null);
    }

    // ---- events ----

    /** Runs one call and records it as one event, a success (with its quality) or a failure (with its code). */
    private Answered recorded(CallTrace trace, Supplier<Answered> call) {
        try {
            Answered answered = call.get();
            record(trace.succeeded(answered.result(), clock.instant()));
            return answered;
        } catch (RuntimeException e) {
            record(trace.failed(codeOf(e), clock.instant()));
            throw e;
        }
    }

    private static String codeOf(RuntimeException e) {
        return e instanceof DomainException d ? d.code() : e.getClass().getSimpleName();
    }

    private void record(GenerationEvent event) {
        try {
            events.record(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not record a generation event for " + event.operation(), e);
        }
    }

    private static void requireKind(ModelRequest request, Set<GenerationKind> kinds, String method) {
        if (!kinds.contains(request.kind())) {
            throw new IllegalArgumentException(method + "() takes " + kinds + " requests, not " + request.kind());
        }
    }
}
