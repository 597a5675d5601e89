package dev.hexcore.bootstrap.contract;

import dev.hexcore.adapters.persistence.quota.InMemoryKeyStates;
import dev.hexcore.adapters.persistence.quota.InMemoryQuotaCounters;
import dev.hexcore.application.generation.StepwiseKeyAdmission;
import dev.hexcore.domain.generation.KeyAdmission;
import dev.hexcore.domain.generation.KeyStates;
import dev.hexcore.domain.generation.QuotaCounters;
import java.time.Duration;

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
}
