package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.quota.KeyAdmission;
import dev.hexcore.domain.quota.KeyStates;
import dev.hexcore.domain.quota.ModelKeyConfig;
import dev.hexcore.domain.quota.ProviderQuotaClock;
import dev.hexcore.domain.quota.QuotaAwareKeyPool;
import dev.hexcore.domain.quota.QuotaCounters;
import dev.hexcore.domain.quota.QuotaCounters.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * What every {@link QuotaCounters} and {@link KeyStates} pair promises, in memory or in Redis: windows admit exactly
 * their limit, a request is counted in all its windows or in none, fixed windows reset at their boundary, sliding
 * windows never hold more than their limit in any interval of their length (across clock-minute boundaries too) and
 * tell exactly when their oldest unit leaves, cooldowns and disabled keys are visible to every pool sharing the store,
 * and pools hammering one store from many threads never grant more than a project's quota together, in any 60 s.
 *
 * <p>Time is the {@code now} handed to every call, except where Redis forgets on its own clock (a run of strikes):
 * {@link #pass} sleeps for Redis and does nothing more for memory. Every test uses its own counter, scope and key
 * names, so leftovers in a shared Redis cannot interfere.
 */
public abstract class QuotaCountersContract {
    private static final Instant START = Instant.parse("2026-11-22T10:00:10Z");
    private static final Instant NEXT_MINUTE = Instant.parse("2026-11-22T10:01:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    private final String run = UUID.randomUUID().toString();

    protected abstract QuotaCounters counters();

    protected abstract KeyStates keyStates();

    /** Another replica's view of the same store: new adapter objects over the same Redis, or the same memory. */
    protected abstract QuotaCounters otherReplicaCounters();

    protected abstract KeyStates otherReplicaKeyStates();

    /** The acquire step over {@link #counters()} and {@link #keyStates()}. */
    protected abstract KeyAdmission admission();

    protected abstract KeyAdmission otherReplicaAdmission();

    private QuotaAwareKeyPool pool(List<ModelKeyConfig> keys) {
        return new QuotaAwareKeyPool(keys, List.of(), admission(), counters(), keyStates(), ProviderQuotaClock.defaults());
    }

    private QuotaAwareKeyPool otherReplicaPool(List<ModelKeyConfig> keys) {
        return new QuotaAwareKeyPool(keys, List.of(), otherReplicaAdmission(), otherReplicaCounters(),
                otherReplicaKeyStates(), ProviderQuotaClock.defaults());
    }

    /** Lets {@code duration} of the store's own time pass (Redis expiry runs on its clock). */
    protected abstract void pass(Duration duration);

    private String name(String what) {
        return "contract-" + run + "-" + what;
    }

    private Window minute(String name, long limit, long cost) {
        return new Window(name(name), NEXT_MINUTE, limit, cost);
    }

    private Window day(String name, long limit) {
        return new Window(name(name), NEXT_DAY, limit, 1);
    }

    private Window sliding(String name, long limit, long cost) {
        return Window.sliding(name(name), MINUTE, limit, cost);
    }

    /** Adds and waits until the count has landed: {@link QuotaCounters#add} may return before it does. */
    private void add(Window window, long amount) {
        long before = used(window);
        counters().add(window, amount, START);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (used(window) < before + amount) {
            assertThat(System.nanoTime()).as("the added amount landed within 2 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private long used(Window window) {
        return used(window, START);
    }

    private long used(Window window, Instant now) {
        return counters().usage(List.of(window), now).get(window.counter());
    }

    @Test
    void aWindowAdmitsExactlyItsLimitThenTellsWhenItResets() {
        for (int i = 1; i <= 3; i++) {
            assertThat(counters().tryAcquire(List.of(minute("rpm", 3, 1)), START)).as("request %d", i).isEmpty();
        }
        assertThat(counters().tryAcquire(List.of(minute("rpm", 3, 1)), START)).contains(NEXT_MINUTE);
        assertThat(used(minute("rpm", 3, 1))).isEqualTo(3);
    }

    @Test
    void aRequestIsCountedInAllItsWindowsOrInNone() {
        Window roomy = minute("roomy", 10, 1);
        Window tight = day("tight", 1);
        assertThat(counters().tryAcquire(List.of(roomy, tight), START)).isEmpty();

        for (int i = 0; i < 5; i++) {
            assertThat(counters().tryAcquire(List.of(roomy, tight), START)).contains(NEXT_DAY);
        }
        assertThat(used(roomy)).as("refused requests are not counted").isEqualTo(1);
        assertThat(used(tight)).isEqualTo(1);
    }

    @Test
    void whenSeveralWindowsRefuseTheLatestResetIsTold() {
        Window rpm = minute("rpm", 1, 1);
        Window rpd = day("rpd", 1);
        assertThat(counters().tryAcquire(List.of(rpm, rpd), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm, rpd), START)).contains(NEXT_DAY);
    }

    @Test
    void aWindowOfCostZeroOnlyChecksForHeadroom() {
        Window tokens = minute("tpm", 100, 0);
        assertThat(counters().tryAcquire(List.of(tokens), START)).isEmpty();
        assertThat(used(tokens)).isZero();

        add(tokens, 99);
        assertThat(counters().tryAcquire(List.of(tokens), START)).as("one token of headroom left").isEmpty();
        add(tokens, 5);
        assertThat(used(tokens)).as("added whatever the limit").isEqualTo(104);
        assertThat(counters().tryAcquire(List.of(tokens), START)).contains(NEXT_MINUTE);
    }

    @Test
    void theNextWindowStartsFromZero() {
        Window thisMinute = new Window(name("rpm|" + START.getEpochSecond() / 60), NEXT_MINUTE, 1, 1);
        Window nextMinute = new Window(name("rpm|" + NEXT_MINUTE.getEpochSecond() / 60), NEXT_MINUTE.plusSeconds(60), 1, 1);
        assertThat(counters().tryAcquire(List.of(thisMinute), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(thisMinute), START)).isPresent();
        assertThat(counters().tryAcquire(List.of(nextMinute), NEXT_MINUTE)).isEmpty();
    }

    @Test
    void aSlidingWindowAdmitsItsLimitInAnySixtySecondsAcrossAMinuteBoundary() {
        Window rpm = sliding("rpm", 20, 1);
        Instant full = Instant.parse("2026-11-22T10:00:59.900Z");
        for (int i = 1; i <= 20; i++) assertThat(counters().tryAcquire(List.of(rpm), full)).as("request %d", i).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), full)).contains(full.plus(MINUTE));

        Instant afterTheMinute = Instant.parse("2026-11-22T10:01:00.100Z");
        assertThat(counters().tryAcquire(List.of(rpm), afterTheMinute)).as("a fixed minute would admit it")
                .contains(Instant.parse("2026-11-22T10:01:59.900Z"));
        assertThat(counters().tryAcquire(List.of(rpm), Instant.parse("2026-11-22T10:01:59.899999Z"))).isPresent();
        assertThat(used(rpm, Instant.parse("2026-11-22T10:01:59.899999Z"))).isEqualTo(20);

        Instant emptied = Instant.parse("2026-11-22T10:01:59.900Z");
        assertThat(used(rpm, emptied)).as("half-open: a request 60 s old has left").isZero();
        for (int i = 1; i <= 20; i++) assertThat(counters().tryAcquire(List.of(rpm), emptied)).as("request %d", i).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), emptied)).contains(emptied.plus(MINUTE));
    }

    @Test
    void aRefusedSlidingWindowTellsExactlyWhenItsOldestUnitLeaves() {
        Window rpm = sliding("rpm", 3, 1);
        assertThat(counters().tryAcquire(List.of(rpm), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), START.plusMillis(15_500))).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), START.plusSeconds(30))).isEmpty();

        assertThat(counters().tryAcquire(List.of(rpm), START.plusSeconds(40))).contains(START.plus(MINUTE));
        assertThat(counters().tryAcquire(List.of(rpm), START.plus(MINUTE))).as("then it is admitted").isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), START.plus(MINUTE)))
                .contains(START.plusMillis(15_500).plus(MINUTE));
    }

    @Test
    void aSlidingWindowCountsACostOfSeveralUnits() {
        Window batch = sliding("batch", 5, 2);
        assertThat(counters().tryAcquire(List.of(batch), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(batch), START.plusSeconds(10))).isEmpty();
        assertThat(used(batch, START.plusSeconds(10))).isEqualTo(4);

        assertThat(counters().tryAcquire(List.of(batch), START.plusSeconds(20))).as("one unit of START must leave")
                .contains(START.plus(MINUTE));
        assertThat(counters().tryAcquire(List.of(batch), START.plus(MINUTE))).isEmpty();
        assertThat(used(batch, START.plus(MINUTE))).isEqualTo(4);
        assertThat(counters().tryAcquire(List.of(batch), START.plus(MINUTE)))
                .as("a unit of START + 10 s must leave").contains(START.plusSeconds(10).plus(MINUTE));
    }

    @Test
    void aSlidingAndAFixedWindowCountARequestTogetherOrNotAtAll() {
        Window rpm = sliding("rpm", 10, 1);
        Window rpd = day("rpd", 2);
        assertThat(counters().tryAcquire(List.of(rpm, rpd), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm, rpd), START.plusSeconds(1))).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm, rpd), START.plusSeconds(2))).contains(NEXT_DAY);
        assertThat(used(rpm, START.plusSeconds(2))).as("the refused request is not in the sliding window").isEqualTo(2);

        Window tight = sliding("tight", 1, 1);
        Window roomy = day("roomy", 100);
        assertThat(counters().tryAcquire(List.of(tight, roomy), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(tight, roomy), START.plusSeconds(5))).contains(START.plus(MINUTE));
        assertThat(used(roomy)).as("the refused request is not in the day").isEqualTo(1);
    }

    @Test
    void aCallerWhoseClockLagsStillSeesTheUnitsOfItsWindow() {
        Window rpm = sliding("rpm", 2, 1);
        assertThat(counters().tryAcquire(List.of(rpm), START)).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), START.plusMillis(200))).isEmpty();
        assertThat(counters().tryAcquire(List.of(rpm), START.plusMillis(60_500))).isEmpty();

        // 59 s after START, the units of START and START + 0.2 s are still in the window: admitting would be 3 in 60 s
        assertThat(otherReplicaCounters().tryAcquire(List.of(rpm), START.plusSeconds(59))).isPresent();
        assertThat(used(rpm, START.plusSeconds(59))).isEqualTo(3);
    }

    @Test
    void slidingCountsAreSharedWithOtherReplicas() {
        Window rpm = sliding("shared", 2, 1);
        assertThat(counters().tryAcquire(List.of(rpm), START)).isEmpty();
        assertThat(otherReplicaCounters().tryAcquire(List.of(rpm), START.plusSeconds(1))).isEmpty();
        assertThat(otherReplicaCounters().tryAcquire(List.of(rpm), START.plusSeconds(2))).contains(START.plus(MINUTE));
        assertThat(counters().tryAcquire(List.of(rpm), START.plus(MINUTE))).isEmpty();
        assertThat(otherReplicaCounters().usage(List.of(rpm), START.plus(MINUTE))).containsEntry(rpm.counter(), 2L);
    }

    @Test
    void anUntouchedCounterIsZero() {
        assertThat(counters().usage(List.of(minute("never", 1, 1), sliding("nor-this", 1, 1)), START))
                .containsExactlyInAnyOrderEntriesOf(Map.of(name("never"), 0L, name("nor-this"), 0L));
    }

    @Test
    void countsAreSharedWithOtherReplicas() {
        assertThat(counters().tryAcquire(List.of(minute("shared", 2, 1)), START)).isEmpty();
        assertThat(otherReplicaCounters().tryAcquire(List.of(minute("shared", 2, 1)), START)).isEmpty();
        assertThat(otherReplicaCounters().tryAcquire(List.of(minute("shared", 2, 1)), START)).isPresent();
        assertThat(counters().tryAcquire(List.of(minute("shared", 2, 1)), START)).isPresent();
    }

    @Test
    void aCooldownIsSeenByEveryReplicaUntilItEnds() {
        String scope = name("scope");
        Instant until = START.plusSeconds(30);
        keyStates().coolDown(scope, until, START);

        assertThat(otherReplicaKeyStates().view(List.of(scope, name("other")), START).cooldowns())
                .containsExactlyEntriesOf(Map.of(scope, until));
        assertThat(keyStates().view(List.of(scope), until.minusMillis(1)).cooldowns()).containsEntry(scope, until);
        assertThat(keyStates().view(List.of(scope), until).cooldowns()).isEmpty();
    }

    @Test
    void aShorterCooldownDoesNotCutALongerOne() {
        String scope = name("scope");
        keyStates().coolDown(scope, START.plusSeconds(60), START);
        otherReplicaKeyStates().coolDown(scope, START.plusSeconds(5), START);
        assertThat(keyStates().view(List.of(scope), START).cooldowns()).containsEntry(scope, START.plusSeconds(60));

        keyStates().coolDown(scope, START.plusSeconds(90), START);
        assertThat(keyStates().view(List.of(scope), START).cooldowns()).containsEntry(scope, START.plusSeconds(90));
    }

    @Test
    void strikesCountARunThatIsForgottenAfterQuiet() {
        String scope = name("scope");
        Duration forgetAfter = Duration.ofMillis(300);
        assertThat(keyStates().strike(scope, START, forgetAfter)).isEqualTo(1);
        assertThat(otherReplicaKeyStates().strike(scope, START.plusMillis(100), forgetAfter)).isEqualTo(2);

        pass(Duration.ofMillis(500));
        assertThat(keyStates().strike(scope, START.plusMillis(600), forgetAfter)).isEqualTo(1);
    }

    @Test
    void aDisabledKeyIsSeenByEveryReplicaUntilReEnabled() {
        String key = name("key");
        keyStates().disable(key, "KEY_INVALID (API_KEY_INVALID)");
        assertThat(otherReplicaKeyStates().view(List.of(), START).disabled())
                .containsEntry(key, "KEY_INVALID (API_KEY_INVALID)");

        otherReplicaKeyStates().enable(key);
        assertThat(keyStates().view(List.of(), START).disabled()).doesNotContainKey(key);
    }

    // ---- the acquire step: states and counters in one call ----

    private KeyAdmission.Candidate candidate(String key, String scope, Window... windows) {
        return new KeyAdmission.Candidate(name(key), name(scope), List.of(windows));
    }

    @Test
    void anAdmissionSkipsDisabledKeysAndGoesRoundTheOthersFromTheTurn() {
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "scope-a", sliding("a", 100, 1)),
                candidate("b", "scope-b", sliding("b", 100, 1)), candidate("c", "scope-c", sliding("c", 100, 1)));
        otherReplicaKeyStates().disable(name("b"), "KEY_INVALID");

        assertThat(admission().admit(candidates, 0, START)).isEqualTo(new KeyAdmission.Decision(0, 2, null));
        assertThat(admission().admit(candidates, 1, START)).isEqualTo(new KeyAdmission.Decision(2, 2, null));
        assertThat(otherReplicaAdmission().admit(candidates, 2, START)).isEqualTo(new KeyAdmission.Decision(0, 2, null));
        assertThat(used(sliding("a", 100, 1))).isEqualTo(2);
        assertThat(used(sliding("b", 100, 1))).isZero();
    }

    @Test
    void whenEveryKeyIsDisabledNothingIsTried() {
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "scope-a", sliding("a", 100, 1)));
        keyStates().disable(name("a"), "BILLING_QUOTA");

        assertThat(admission().admit(candidates, 0, START)).isEqualTo(new KeyAdmission.Decision(-1, 0, null));
        assertThat(used(sliding("a", 100, 1))).isZero();
    }

    @Test
    void aCoolingScopeIsPassedOverAndTheEarliestRecoveryOfTheScopesTriedIsTold() {
        Window full = sliding("b", 1, 1);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "scope-a", sliding("a", 100, 1)),
                candidate("b", "scope-b", full));
        otherReplicaKeyStates().coolDown(name("scope-a"), START.plusSeconds(30), START);

        assertThat(admission().admit(candidates, 0, START)).isEqualTo(new KeyAdmission.Decision(1, 2, null));
        assertThat(admission().admit(candidates, 0, START.plusSeconds(1)))
                .isEqualTo(new KeyAdmission.Decision(-1, 2, START.plusSeconds(30)));
        assertThat(admission().admit(candidates, 0, START.plusSeconds(31)))
                .as("the cooldown is over").isEqualTo(new KeyAdmission.Decision(0, 2, null));
        assertThat(used(sliding("a", 100, 1), START.plusSeconds(31))).isEqualTo(1);
    }

    @Test
    void aScopeSharedByTwoKeysIsTriedOnceAndARefusalCountsNothing() {
        Window minute = sliding("rpm", 5, 1);
        Window day = day("rpd", 1);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute, day),
                candidate("b", "project", minute, day));

        assertThat(admission().admit(candidates, 1, START)).isEqualTo(new KeyAdmission.Decision(1, 2, null));
        assertThat(otherReplicaAdmission().admit(candidates, 0, START.plusSeconds(1)))
                .as("the day is spent: its reset, the latest of the refusing windows")
                .isEqualTo(new KeyAdmission.Decision(-1, 2, NEXT_DAY));
        assertThat(used(minute, START.plusSeconds(1))).isEqualTo(1);
        assertThat(used(day)).isEqualTo(1);
    }

    @Test
    void aFullSlidingWindowTellsWhenItsOldestRequestLeaves() {
        Window minute = sliding("rpm", 2, 1);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute));
        admission().admit(candidates, 0, START);
        otherReplicaAdmission().admit(candidates, 0, START.plusSeconds(10));

        assertThat(admission().admit(candidates, 0, START.plusSeconds(20)))
                .isEqualTo(new KeyAdmission.Decision(-1, 1, START.plus(MINUTE)));
        assertThat(admission().admit(candidates, 0, START.plus(MINUTE)))
                .isEqualTo(new KeyAdmission.Decision(0, 1, null));
    }

    @Test
    void twoKeysOfOneProjectShareTheQuotaAcrossPools() {
        ModelRef model = new ModelRef("gemini", name("model"));
        List<ModelKeyConfig> keys = List.of(key("a", "project", 5), key("b", "project", 5));
        QuotaAwareKeyPool one = pool(keys);
        QuotaAwareKeyPool two = otherReplicaPool(keys);

        int granted = 0;
        for (int i = 0; i < 10; i++) {
            if ((i % 2 == 0 ? one : two).acquire(model, START) instanceof KeyLease.Granted) granted++;
        }
        assertThat(granted).isEqualTo(5);
        assertThat(one.acquire(model, START)).isEqualTo(new KeyLease.Unavailable(START.plus(MINUTE),
                "every key of gemini is at its quota or cooling down for " + model.model()));
    }

    @Test
    void twoPoolsHammeredFromManyThreadsNeverGrantMoreThanTheRequestsPerMinute() throws Exception {
        ModelRef model = new ModelRef("gemini", name("model"));
        List<ModelKeyConfig> keys = List.of(key("a", "project-1", 20), key("b", "project-1", 20), key("c", "project-2", 7));
        QuotaAwareKeyPool one = pool(keys);
        QuotaAwareKeyPool two = otherReplicaPool(keys);

        List<KeyLease> leases = fromManyThreads(200, i -> {
            QuotaAwareKeyPool pool = i % 2 == 0 ? one : two;
            Instant now = START.plusMillis(i * 10L); // all within one minute
            return () -> pool.acquire(model, now);
        });
        Map<String, Integer> granted = new HashMap<>();
        for (KeyLease lease : leases) {
            if (lease instanceof KeyLease.Granted g) granted.merge(g.key().id(), 1, Integer::sum);
        }
        assertThat(granted.getOrDefault(name("a"), 0) + granted.getOrDefault(name("b"), 0))
                .as("project-1's requests this minute").isEqualTo(20);
        assertThat(granted.get(name("c"))).as("project-2's requests this minute").isEqualTo(7);
    }

    @Test
    void twoPoolsHammeredFromManyThreadsAcrossMinutesNeverGrantMoreThanTheRequestsPerMinuteInAnySixtySeconds()
            throws Exception {
        ModelRef model = new ModelRef("gemini", name("model"));
        List<ModelKeyConfig> keys = List.of(key("a", "project-1", 20), key("b", "project-1", 20), key("c", "project-2", 7));
        QuotaAwareKeyPool one = pool(keys);
        QuotaAwareKeyPool two = otherReplicaPool(keys);
        Instant from = Instant.parse("2026-11-22T10:00:45Z");

        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<KeyLease>> leases = new ArrayList<>();
            List<Instant> times = new ArrayList<>();
            for (int i = 0; i < 1200; i++) {
                QuotaAwareKeyPool pool = i % 2 == 0 ? one : two;
                Instant now = from.plusMillis(i * 125L); // 150 s over three minute boundaries
                times.add(now);
                leases.add(threads.submit(() -> {
                    start.await();
                    return pool.acquire(model, now);
                }));
            }
            start.countDown();
            Map<String, List<Instant>> granted = new HashMap<>();
            for (int i = 0; i < leases.size(); i++) {
                if (leases.get(i).get(20, TimeUnit.SECONDS) instanceof KeyLease.Granted g) {
                    String project = g.key().id().equals(name("c")) ? "project-2" : "project-1";
                    granted.computeIfAbsent(project, p -> new ArrayList<>()).add(times.get(i));
                }
            }
            assertNoMoreThanInAnySixtySeconds(granted.get("project-1"), 20);
            assertNoMoreThanInAnySixtySeconds(granted.get("project-2"), 7);
            assertThat(granted.get("project-1")).as("the window slid on").hasSizeGreaterThan(20);
            assertThat(granted.get("project-2")).as("the window slid on").hasSizeGreaterThan(7);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- giving a request back (a key taken ahead of need, and not needed) ----

    /** Waits until the window holds {@code expected} units at {@code now}: a give-back need not wait for a remote store. */
    private void awaitUsed(Window window, Instant now, long expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (used(window, now) != expected) {
            assertThat(System.nanoTime()).as("%s holds %d within 2 s", window.counter(), expected).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @Test
    void aRequestGivenBackIsUncountedFromEveryWindowOfItsScope() {
        Window minute = sliding("rpm", 1, 1);
        Window day = day("rpd", 1);
        Window tokens = minute("tpm", 100, 0);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute, day, tokens));

        KeyAdmission.Admitting admitting = admission().start(candidates, 0, START);
        assertThat(admitting.decision()).isEqualTo(new KeyAdmission.Decision(0, 1, null));
        admitting.giveBack();

        awaitUsed(minute, START, 0);
        awaitUsed(day, START, 0);
        assertThat(used(tokens)).isZero();
        assertThat(otherReplicaAdmission().admit(candidates, 0, START.plusSeconds(1)))
                .as("the minute and the day have room again, for every replica").isEqualTo(new KeyAdmission.Decision(0, 1, null));
    }

    @Test
    void aGiveBackTakesOnlyItsOwnCountNotThatOfAnotherRequestOfTheSameInstant() {
        Window minute = sliding("rpm", 5, 1);
        Window day = day("rpd", 5);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute, day));
        assertThat(otherReplicaAdmission().admit(candidates, 0, START).isGranted()).isTrue();

        KeyAdmission.Admitting mine = admission().start(candidates, 0, START);
        assertThat(mine.decision().isGranted()).isTrue();
        mine.giveBack();
        mine.giveBack(); // at most once

        awaitUsed(minute, START, 1);
        awaitUsed(day, START, 1);
        pass(Duration.ofMillis(200));
        assertThat(used(minute, START)).as("the other request stays counted").isEqualTo(1);
        assertThat(used(day)).isEqualTo(1);
    }

    @Test
    void aRequestGivenBackBeforeItsDecisionWasAskedForIsUncountedOnceKnown() {
        Window minute = sliding("rpm", 1, 1);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute));

        admission().start(candidates, 0, START).giveBack();

        awaitUsed(minute, START, 0);
        assertThat(admission().admit(candidates, 0, START.plusSeconds(1))).isEqualTo(new KeyAdmission.Decision(0, 1, null));
    }

    @Test
    void givingBackARefusalUncountsNothing() {
        Window minute = sliding("rpm", 1, 1);
        List<KeyAdmission.Candidate> candidates = List.of(candidate("a", "project", minute));
        assertThat(otherReplicaAdmission().admit(candidates, 0, START).isGranted()).isTrue();

        KeyAdmission.Admitting refused = admission().start(candidates, 0, START.plusSeconds(1));
        assertThat(refused.decision()).isEqualTo(new KeyAdmission.Decision(-1, 1, START.plus(MINUTE)));
        refused.giveBack();

        pass(Duration.ofMillis(200));
        assertThat(used(minute, START.plusSeconds(1))).as("the granted request stays counted").isEqualTo(1);
    }

    @Test
    void poolsGivingKeysBackFromManyThreadsNeverGrantMoreThanTheLimitAndCountExactlyTheKeysKept() throws Exception {
        ModelRef model = new ModelRef("gemini", name("model"));
        List<ModelKeyConfig> keys = List.of(key("a", "project-1", 20), key("b", "project-1", 20));
        QuotaAwareKeyPool one = pool(keys);
        QuotaAwareKeyPool two = otherReplicaPool(keys);

        List<Boolean> kept = fromManyThreads(200, i -> {
            QuotaAwareKeyPool pool = i % 2 == 0 ? one : two;
            Instant now = START.plusMillis(i * 10L); // all within one minute
            boolean giveBack = i % 3 == 0;
            return () -> {
                PendingLease pending = pool.startAcquire(model, now);
                boolean granted = pending.lease() instanceof KeyLease.Granted;
                if (giveBack) pending.giveBack();
                return granted && !giveBack;
            };
        });
        int keptKeys = (int) kept.stream().filter(k -> k).count();

        assertThat(keptKeys).as("keys kept in one minute").isPositive().isLessThanOrEqualTo(20);
        Window counted = Window.sliding("gemini|" + name("project-1") + "|" + model.model() + "|rpm|sliding", MINUTE, 20, 1);
        awaitUsed(counted, START.plusSeconds(2), keptKeys);
    }

    /** Runs request {@code i} of {@code count} from 16 threads, all released at once; the answers in request order. */
    private static <T> List<T> fromManyThreads(int count, IntFunction<Callable<T>> request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> call = request.apply(i);
                answers.add(threads.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) results.add(answer.get(20, TimeUnit.SECONDS));
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Fails if any half-open 60-second interval holds more than {@code limit} of the instants. */
    private static void assertNoMoreThanInAnySixtySeconds(List<Instant> instants, int limit) {
        List<Instant> sorted = instants.stream().sorted().toList();
        for (int i = 0; i + limit < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + limit)))
                    .as("%d grants from %s", limit + 1, sorted.get(i)).isGreaterThanOrEqualTo(MINUTE);
        }
    }

    private ModelKeyConfig key(String id, String project, int requestsPerMinute) {
        return new ModelKeyConfig(name(id), "gemini", name(project), "secret-" + id, requestsPerMinute, 10_000, null);
    }
}
