package dev.hexcore.adapters.rest.shared;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/** Bridges the ports' {@link CompletionStage}s into Mutiny on the request path. */
public final class Unis {
    private Unis() {
    }

    /**
     * Calls now and gives the stage as a Uni; when it is already complete (a cache hit, a replica-local decision), as
     * a plain item, which skips the subscription and context-propagation work of
     * {@code Uni.createFrom().completionStage}. A call that throws gives a failed Uni, as a deferred one would.
     */
    public static <T> Uni<T> of(Supplier<? extends CompletionStage<T>> call) {
        return of(call, Function.identity());
    }

    /**
     * As {@link #of(Supplier)}, then {@code mapper} on the value: applied at once when the stage is already complete,
     * so a cached answer costs no Mutiny operator (each one is wrapped for context propagation).
     */
    public static <T, R> Uni<R> of(Supplier<? extends CompletionStage<T>> call, Function<? super T, ? extends R> mapper) {
        CompletableFuture<T> future;
        try {
            future = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
            R mapped;
            try {
                mapped = mapper.apply(future.join());
            } catch (RuntimeException e) {
                return Uni.createFrom().failure(e);
            }
            return Uni.createFrom().item(mapped);
        }
        return Uni.createFrom().completionStage(future).map(mapper);
    }
}
