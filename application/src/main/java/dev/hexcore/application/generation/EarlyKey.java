package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.PendingLease;

/**
 * A key started for one model before the gateway knows it needs it (while the response cache is read, so the two round
 * trips overlap): the first call to that model takes it over ({@link #take}); any other way out gives it back
 * ({@link #giveBack}), so a request answered without that call never spends quota. Used by one caller thread.
 */
final class EarlyKey {
    private ModelRef model;
    private PendingLease pending;

    /** No key started: {@link #take} answers null, {@link #giveBack} does nothing. */
    static EarlyKey none() {
        return new EarlyKey();
    }

    /** Holds {@code pending}, the acquire started for {@code model}. */
    void hold(ModelRef model, PendingLease pending) {
        giveBack();
        this.model = model;
        this.pending = pending;
    }

    /** The acquire started for {@code model}, now the caller's to use; null if none was started for it (or it is gone). */
    PendingLease take(ModelRef model) {
        if (pending == null || !this.model.equals(model)) return null;
        PendingLease taken = pending;
        pending = null;
        return taken;
    }

    /** Gives the key back unless it was taken; at most once. */
    void giveBack() {
        if (pending == null) return;
        PendingLease unused = pending;
        pending = null;
        unused.giveBack();
    }
}
