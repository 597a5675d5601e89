package dev.hexcore.adapters.persistence.quota;

import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.KeyStates;
import dev.hexcore.domain.quota.QuotaCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link KeyAdmission} in steps over separate stores: one {@link KeyStates#view} for cooldowns and disabled keys, then
 * one {@link QuotaCounters#tryAcquire} per project tried, each atomic on its own. For stores in this process (the
 * embedded default, and the fallback when Redis fails), where a step costs no round trip; over remote stores the
 * single-script implementation saves the extra trips.
 */
public final class StepwiseKeyAdmission implements KeyAdmission {
    private final KeyStates states;
    private final QuotaCounters counters;

    public StepwiseKeyAdmission(KeyStates states, QuotaCounters counters) {
        this.states = states;
        this.counters = counters;
    }

    /** Admits at once; a give-back is {@link QuotaCounters#giveBack} of the granted candidate's windows. */
    @Override
    public Admitting start(List<Candidate> candidates, int turn, Instant now) {
        Decision decision = admit(candidates, turn, now);
        return new Admitting() {
            private boolean givenBack;

            @Override
            public Decision decision() {
                return decision;
            }

            @Override
            public void giveBack() {
                if (givenBack || !decision.isGranted()) return;
                givenBack = true;
                counters.giveBack(candidates.get(decision.granted()).windows(), now);
            }
        };
    }

    @Override
    public Decision admit(List<Candidate> candidates, int turn, Instant now) {
        KeyStates.View view = states.view(candidates.stream().map(Candidate::scope).distinct().toList(), now);
        List<Integer> enabled = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (!view.disabled().containsKey(candidates.get(i).keyId())) enabled.add(i);
        }
        if (enabled.isEmpty()) return new Decision(-1, 0, null);

        int offset = Math.floorMod(turn, enabled.size());
        Set<String> tried = new HashSet<>();
        Instant earliest = null;
        for (int i = 0; i < enabled.size(); i++) {
            int index = enabled.get((offset + i) % enabled.size());
            Candidate candidate = candidates.get(index);
            if (!tried.add(candidate.scope())) continue;
            Instant cooling = view.cooldowns().get(candidate.scope());
            Optional<Instant> refused = cooling != null ? Optional.of(cooling) : counters.tryAcquire(candidate.windows(), now);
            if (refused.isEmpty()) return new Decision(index, enabled.size(), null);
            earliest = earliest == null || refused.get().isBefore(earliest) ? refused.get() : earliest;
        }
        return new Decision(-1, enabled.size(), earliest);
    }
}
