package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one gateway call (one step of a structured generation) has done so far, told to it as it happens: the raw
 * material of its result and of its one {@link GenerationEvent}. Used by one thread.
 */
final class CallTrace {
    private final ModelRequest request;
    private final Instant start;
    private final Instant deadline;
    private final int repairRound;
    private final List<String> errors;
    private final EarlyKey earlyKey = EarlyKey.none();
    private ModelRef model;
    private String keyId;
    private int attempts;
    private TokenUsage usage = TokenUsage.NONE;
    private Instant earliestRecovery;
    private Duration upstream = Duration.ZERO;

    /**
     * @param deadline    when the whole operation must end (a structured generation's steps share one)
     * @param repairRound 0 for a first call, n for the n-th repair round
     * @param carried     error codes met by the steps before this one
     */
    CallTrace(ModelRequest request, Instant start, Instant deadline, int repairRound, List<String> carried) {
        this.request = request;
        this.start = start;
        this.deadline = deadline;
        this.repairRound = repairRound;
        this.errors = new ArrayList<>(carried);
    }

    /** A call of its own: the deadline is {@code start} plus the request's budget. */
    static CallTrace of(ModelRequest request, Instant start) {
        return new CallTrace(request, start, start.plus(request.budget()), 0, List.of());
    }

    ModelRequest request() {
        return request;
    }

    Instant deadline() {
        return deadline;
    }

    EarlyKey earlyKey() {
        return earlyKey;
    }

    /** An upstream call to {@code model} is being made with the key {@code keyId} (null: keyless). */
    void calling(ModelRef model, String keyId) {
        this.model = model;
        this.keyId = keyId;
        attempts++;
    }

    /** {@code model} is being tried (before any key is taken). */
    void trying(ModelRef model) {
        this.model = model;
    }

    /** An upstream call ended after {@code spent}, having used {@code tokens}. */
    void called(Duration spent, TokenUsage tokens) {
        upstream = upstream.plus(spent);
        usage = usage.plus(tokens);
    }

    void error(String code) {
        errors.add(code);
    }

    /** Remembers when a key or model is expected back, keeping the earliest. */
    void recoversAt(Instant when) {
        if (when != null && (earliestRecovery == null || when.isBefore(earliestRecovery))) earliestRecovery = when;
    }

    Instant earliestRecovery() {
        return earliestRecovery;
    }

    boolean deadlinePassed(Instant now) {
        return !now.isBefore(deadline);
    }

    int attempts() {
        return attempts;
    }

    TokenUsage usage() {
        return usage;
    }

    String keyId() {
        return keyId;
    }

    int repairRound() {
        return repairRound;
    }

    /** The codes met so far, in order (the carried ones first). */
    List<String> errors() {
        return List.copyOf(errors);
    }

    /** The distinct codes met so far, for a message. */
    String errorSummary() {
        return errors.isEmpty() ? "no model could be tried" : String.join(", ", new LinkedHashSet<>(errors));
    }

    /** A result of this call's own upstream work, answered by {@code model}. */
    ModelResult.Builder result(ModelRef model, Instant now) {
        return ModelResult.of(model.provider(), model.model()).keyId(keyId).usage(usage).attempts(attempts)
                .repairs(repairRound).latency(latency(now));
    }

    GenerationEvent succeeded(ModelResult result, Instant now) {
        return new GenerationEvent(request.operation(), request.kind(), result.provider(), result.model(), result.keyId(),
                latency(now), result.cacheHit() ? Duration.ZERO : upstream, result.cacheHit() ? 0 : attempts,
                repairRound, request.mode(), result.quality(), errors, result.cacheHit() ? TokenUsage.NONE : usage,
                result.cacheHit(), now);
    }

    GenerationEvent failed(String code, Instant now) {
        errors.add(code);
        ModelRef named = model != null ? model : request.primary();
        return new GenerationEvent(request.operation(), request.kind(), named.provider(), named.model(), keyId, latency(now),
                upstream, attempts, repairRound, request.mode(), null, errors, usage, false, now);
    }

    Duration latency(Instant now) {
        return Duration.between(start, now);
    }
}
