package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.GenerationEvent;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.TokenUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one gateway call has done so far: the raw material of its result and its {@link GenerationEvent}. */
final class CallTrace {
    final ModelRequest request;
    final Instant start;
    final Instant deadline;
    final List<String> errors = new ArrayList<>();
    ModelRef model;
    String keyId;
    int attempts;
    int repairs;
    TokenUsage usage = TokenUsage.NONE;
    Instant earliestRecovery;
    /** Time spent inside provider calls. */
    Duration upstream = Duration.ZERO;
    /** A key being taken for {@link #earlyModel} before it was known to be needed; null once used or given back. */
    private PendingLease earlyKey;
    private ModelRef earlyModel;

    CallTrace(ModelRequest request, Instant start) {
        this.request = request;
        this.start = start;
        this.deadline = start.plus(request.budget());
    }

    void earlyKey(ModelRef model, PendingLease pending) {
        this.earlyModel = model;
        this.earlyKey = pending;
    }

    /** The key started early for {@code model}, now taken over by the caller; null if there is none for it. */
    PendingLease takeEarlyKey(ModelRef model) {
        if (earlyKey == null || !earlyModel.equals(model)) return null;
        PendingLease taken = earlyKey;
        earlyKey = null;
        return taken;
    }

    /** Gives back the key started early unless a call took it over. */
    void giveBackEarlyKey() {
        if (earlyKey == null) return;
        PendingLease unused = earlyKey;
        earlyKey = null;
        unused.giveBack();
    }

    void error(String code) {
        errors.add(code);
    }

    /** Remembers when a key or model is expected back, keeping the earliest. */
    void recoversAt(Instant when) {
        if (when != null && (earliestRecovery == null || when.isBefore(earliestRecovery))) earliestRecovery = when;
    }

    boolean deadlinePassed(Instant now) {
        return !now.isBefore(deadline);
    }

    GenerationEvent succeeded(ModelResult result, Instant now) {
        return new GenerationEvent(request.operation(), request.kind(), result.provider(), result.model(), result.keyId(),
                latency(now), result.cacheHit() ? Duration.ZERO : upstream, result.attempts(), result.repairs(), request.mode(), result.quality(), errors,
                result.usage(), result.cacheHit(), now);
    }

    GenerationEvent failed(String code, Instant now) {
        errors.add(code);
        ModelRef named = model != null ? model : request.primary();
        return new GenerationEvent(request.operation(), request.kind(), named.provider(), named.model(), keyId, latency(now),
                upstream, attempts, repairs, request.mode(), null, errors, usage, false, now);
    }

    Duration latency(Instant now) {
        return Duration.between(start, now);
    }
}
