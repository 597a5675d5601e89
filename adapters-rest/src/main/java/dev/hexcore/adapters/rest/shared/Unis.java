package dev.hexcore.adapters.rest.shared;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
        CompletableFuture<T> future;
        try {
            future = call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        if (future.isDone() && !future.isCompletedExceptionally() && !future.isCancelled()) {
            return Uni.createFrom().item(future.join());
        }
        return Uni.createFrom().completionStage(future);
    }
}
