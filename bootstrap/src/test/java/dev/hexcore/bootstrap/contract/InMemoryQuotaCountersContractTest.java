package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.persistence.quota.InMemoryKeyStates;
import dev.hexcore.adapters.persistence.quota.InMemoryQuotaCounters;
import dev.hexcore.adapters.persistence.quota.StepwiseKeyAdmission;
import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.KeyStates;
import dev.hexcore.domain.quota.QuotaCounters;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quota-counters contract for the in-memory stores (embedded default and Redis fallback), acquired in steps. "Another replica" is
 * another pool over the same stores: memory is shared only inside one process.
 */
class InMemoryQuotaCountersContractTest extends QuotaCountersContract {
    private final InMemoryQuotaCounters counters = new InMemoryQuotaCounters();
    private final InMemoryKeyStates states = new InMemoryKeyStates();
    private final StepwiseKeyAdmission admission = new StepwiseKeyAdmission(states, counters);

    @Override
    protected QuotaCounters counters() {
        return counters;
    }

    @Override
    protected KeyStates keyStates() {
        return states;
    }

    @Override
    protected QuotaCounters otherReplicaCounters() {
        return counters;
    }

    @Override
    protected KeyStates otherReplicaKeyStates() {
        return states;
    }

    @Override
    protected KeyAdmission admission() {
        return admission;
    }

    @Override
    protected KeyAdmission otherReplicaAdmission() {
        return admission;
    }

    @Override
    protected void pass(Duration duration) {
        // the in-memory stores only know the time they are handed
    }

    @Test
    void giveBackUncountsOneAcquireOfItsInstantAndNoMore() {
        Instant now = Instant.parse("2026-11-22T10:00:10Z");
        Window minute = Window.sliding("give-back-rpm", Duration.ofSeconds(60), 3, 1);
        Window day = Window.fixed("give-back-rpd", Instant.parse("2026-11-23T00:00:00Z"), 3, 1);
        Window tokens = Window.fixed("give-back-tpm", now.plusSeconds(50), 100, 0);
        List<Window> windows = List.of(minute, day, tokens);
        counters.tryAcquire(windows, now.minusSeconds(1));
        counters.tryAcquire(windows, now);
        counters.tryAcquire(windows, now);

        counters.giveBack(windows, now);

        assertThat(counters.usage(windows, now)).containsEntry(minute.counter(), 2L).containsEntry(day.counter(), 2L)
                .containsEntry(tokens.counter(), 0L);
        counters.giveBack(windows, now);
        counters.giveBack(windows, now);
        assertThat(counters.usage(windows, now)).as("only units of that instant go, and a count never below zero")
                .containsEntry(minute.counter(), 1L).containsEntry(day.counter(), 0L);
        assertThat(counters.tryAcquire(windows, now)).isEmpty();
        assertThat(counters.usage(windows, now.plusSeconds(59))).as("the window still slides on")
                .containsEntry(minute.counter(), 1L);
    }
}
