package dev.hexcore.domain.quota;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The key pool's shared step for one request: among the candidate keys, grant the first usable one and count the
 * request against its quota windows. One call replaces reading the {@link KeyStates} and then trying the
 * {@link QuotaCounters} of each project in turn, so an implementation on a remote store (Redis) answers an acquire in
 * one round trip, and can make the whole step atomic.
 */
public interface KeyAdmission {
    /**
     * A key that could serve the request: its id (a disabled key is skipped), the scope its cooldowns and counters are
     * shared by (provider, project and model), and the windows a request must fit ({@link QuotaCounters#tryAcquire}).
     */
    record Candidate(String keyId, String scope, List<QuotaCounters.Window> windows) {
        public Candidate {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(scope, "scope");
            windows = List.copyOf(windows);
        }
    }

    /**
     * The outcome: {@code granted} is the index of the candidate whose windows counted the request, or -1;
     * {@code enabled} how many candidates were not disabled; {@code earliestRecovery}, when none was granted, the
     * earliest moment one of the scopes tried admits again (the end of its cooldown, or the latest recovery among its
     * refusing windows), null when no scope was tried.
     */
    record Decision(int granted, int enabled, Instant earliestRecovery) {
        public boolean isGranted() {
            return granted >= 0;
        }
    }

    /**
     * Skips disabled candidates. Among the others, starts with number {@code turn mod enabled} (round robin: the
     * caller increments {@code turn}, never negative, per request) and goes round once, passing over a scope already
     * tried. A scope cooling down at {@code now} refuses until the cooldown ends; otherwise its windows are tried all
     * or nothing as {@link QuotaCounters#tryAcquire} does, and the first scope whose windows admit the request is
     * granted (and counted). Never counts a request in more than one scope, and never more than a window's limit, however many
     * callers share the store.
     */
    Decision admit(List<Candidate> candidates, int turn, Instant now);

    /** An admission started by {@link #start}: its decision, and the way to give a granted request back. */
    interface Admitting {
        /** The decision {@link #admit} would have returned; waits for it if needed. */
        Decision decision();

        /**
         * Uncounts the granted request from the windows of the granted candidate: what the admission counted and no
         * more (other callers' requests stay counted, even those of the same instant); nothing when nothing was
         * granted, or when what was counted cannot be known (a remote store failed: the request stays counted, over
         * and never under). Need not wait for a remote store. At most once.
         */
        void giveBack();
    }

    /**
     * Starts {@link #admit} without waiting for a remote store (which then answers while the caller does other
     * work); same decision, counted at {@code now}. This default admits at once and cannot give back.
     */
    default Admitting start(List<Candidate> candidates, int turn, Instant now) {
        Decision decision = admit(candidates, turn, now);
        return new Admitting() {
            @Override
            public Decision decision() {
                return decision;
            }

            @Override
            public void giveBack() {
                // what was counted is not known here: it stays counted
            }
        };
    }
}
