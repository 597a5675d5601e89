package dev.hexcore.adapters.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnisTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aCompletedStageIsMappedAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        Uni<Integer> uni = Unis.of(() -> CompletableFuture.completedFuture("four"), value -> {
            calls.incrementAndGet();
            return value.length();
        });
        // mapped before anyone subscribes: the value was already there
        assertThat(calls).hasValue(1);
        assertThat(uni.await().atMost(WAIT)).isEqualTo(4);
    }

    @Test
    void aPendingStageIsMappedWhenItCompletes() {
        CompletableFuture<String> pending = new CompletableFuture<>();
        Uni<Integer> uni = Unis.of(() -> pending, String::length);
        CompletableFuture<Integer> result = uni.subscribeAsCompletionStage().toCompletableFuture();
        assertThat(result).isNotDone();
        pending.complete("seven!!");
        assertThat(result.join()).isEqualTo(7);
    }

    @Test
    void failuresOfTheCallTheStageAndTheMapperAllBecomeAFailedUni() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> Unis.<String>of(() -> { throw boom; }).await().atMost(WAIT)).isSameAs(boom);
        assertThatThrownBy(() -> Unis.of(() -> CompletableFuture.<String>failedFuture(boom)).await().atMost(WAIT))
                .isSameAs(boom);
        assertThatThrownBy(() -> Unis.of(() -> CompletableFuture.completedFuture("x"), value -> {
            throw boom;
        }).await().atMost(WAIT)).isSameAs(boom);
    }

    @Test
    void aNullValueIsANullItem() {
        assertThat(Unis.of(() -> CompletableFuture.<String>completedFuture(null)).await().atMost(WAIT)).isNull();
    }
}
