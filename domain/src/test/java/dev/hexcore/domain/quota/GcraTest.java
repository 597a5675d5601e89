package dev.hexcore.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GcraTest {
    /** An arbitrary "now" in microseconds, far from zero so that "no stored TAT" (0) is clearly in the past. */
    private static final long T0 = 1_700_000_000_000_000L;

    private static final RateLimitPolicy FIVE_PER_MINUTE = RateLimitPolicy.perMinute("test", 5);
    /** 60 s / 5 = 12 s between requests at the sustained rate. */
    private static final long INTERVAL = 12_000_000L;

    static Stream<Arguments> policies() {
        return Stream.of(
                Arguments.of(new RateLimitPolicy("one", 1, Duration.ofSeconds(1))),
                Arguments.of(new RateLimitPolicy("two", 2, Duration.ofSeconds(10))),
                Arguments.of(FIVE_PER_MINUTE),
                Arguments.of(new RateLimitPolicy("uneven", 3, Duration.ofSeconds(10))),   // 3_333_333 µs interval
                Arguments.of(new RateLimitPolicy("login", 5, Duration.ofMinutes(15))),
                Arguments.of(new RateLimitPolicy("hundred", 100, Duration.ofSeconds(1))));
    }

    /** Runs {@code n} acquires at the same instant, carrying the TAT along as a store would. */
    private static long burst(long storedTat, long now, RateLimitPolicy policy, int n) {
        long tat = storedTat;
        for (int i = 0; i < n; i++) {
            Gcra.Result result = Gcra.check(tat, now, policy);
            assertThat(result.decision().allowed()).as("acquire %d of the burst", i + 1).isTrue();
            tat = result.newTat();
        }
        return tat;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void a_burst_of_limit_is_allowed_with_remaining_counting_down_then_the_next_is_refused(RateLimitPolicy policy) {
        long tat = 0;
        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < policy.limit(); i++) {
            Gcra.Result result = Gcra.check(tat, T0, policy);
            assertThat(result.decision().allowed()).isTrue();
            assertThat(result.decision().limit()).isEqualTo(policy.limit());
            assertThat(result.decision().retryAfter()).isEqualTo(Duration.ZERO);
            remaining.add(result.decision().remaining());
            tat = result.newTat();
        }
        List<Long> expected = new ArrayList<>();
        for (long r = policy.limit() - 1; r >= 0; r--) expected.add(r);
        assertThat(remaining).containsExactlyElementsOf(expected);

        Gcra.Result refused = Gcra.check(tat, T0, policy);
        assertThat(refused.decision().allowed()).isFalse();
        assertThat(refused.decision().remaining()).isZero();
        assertThat(refused.decision().limit()).isEqualTo(policy.limit());
        assertThat(refused.decision().retryAfter())
                .isEqualTo(Duration.ofNanos(policy.emissionIntervalMicros() * 1_000));
        assertThat(refused.newTat()).as("a refused request leaves the TAT as stored").isEqualTo(tat);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void the_stored_tat_advances_by_one_interval_per_allowed_request(RateLimitPolicy policy) {
        Gcra.Result first = Gcra.check(0, T0, policy);
        assertThat(first.newTat()).isEqualTo(T0 + policy.emissionIntervalMicros());
        Gcra.Result second = Gcra.check(first.newTat(), T0, policy);
        if (policy.limit() > 1) {
            assertThat(second.newTat()).isEqualTo(T0 + 2 * policy.emissionIntervalMicros());
        } else {
            assertThat(second.decision().allowed()).isFalse();
        }
    }

    static Stream<Arguments> elapsedAfterBurst() {
        return Stream.of(
                Arguments.of(0L, false, 12_000_000L),
                Arguments.of(1L, false, 11_999_999L),
                Arguments.of(6_000_000L, false, 6_000_000L),
                Arguments.of(11_999_999L, false, 1L),
                Arguments.of(12_000_000L, true, 0L),
                Arguments.of(30_000_000L, true, 0L));
    }

    @ParameterizedTest(name = "{0} µs after the burst: allowed={1}, retry after {2} µs")
    @MethodSource("elapsedAfterBurst")
    void retry_after_is_the_emission_interval_minus_the_time_elapsed_since_the_burst(long elapsed, boolean allowed,
                                                                                      long retryMicros) {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 5);

        Gcra.Result result = Gcra.check(tat, T0 + elapsed, FIVE_PER_MINUTE);

        assertThat(result.decision().allowed()).isEqualTo(allowed);
        assertThat(result.decision().retryAfter()).isEqualTo(Duration.ofNanos(retryMicros * 1_000));
        if (!allowed) {
            assertThat(result.decision().resetAfter()).as("full limit is back when the TAT is reached")
                    .isEqualTo(Duration.ofNanos((5 * INTERVAL - elapsed) * 1_000));
            assertThat(result.newTat()).isEqualTo(tat);
        }
    }

    static Stream<Arguments> refill() {
        // time waited after a full burst of 5 -> how many further requests are allowed at that instant
        return Stream.of(
                Arguments.of(0L, 0),
                Arguments.of(INTERVAL - 1, 0),
                Arguments.of(INTERVAL, 1),
                Arguments.of(2 * INTERVAL + 5, 2),
                Arguments.of(4 * INTERVAL, 4),
                Arguments.of(5 * INTERVAL, 5),
                Arguments.of(60 * INTERVAL, 5));
    }

    @ParameterizedTest(name = "after {0} µs, {1} requests are allowed again")
    @MethodSource("refill")
    void the_allowance_refills_at_one_request_per_emission_interval_up_to_the_limit(long waited, int allowedAgain) {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 5);
        long now = T0 + waited;

        int allowed = 0;
        while (allowed <= 10) {
            Gcra.Result result = Gcra.check(tat, now, FIVE_PER_MINUTE);
            if (!result.decision().allowed()) break;
            assertThat(result.decision().remaining()).isEqualTo(allowedAgain - allowed - 1);
            tat = result.newTat();
            allowed++;
        }

        assertThat(allowed).isEqualTo(allowedAgain);
    }

    @Test
    void after_a_full_period_without_requests_the_full_limit_is_reported_as_remaining() {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 5);

        Gcra.Result result = Gcra.check(tat, T0 + 5 * INTERVAL, FIVE_PER_MINUTE);

        assertThat(result.decision().allowed()).isTrue();
        assertThat(result.decision().remaining()).isEqualTo(4);
        assertThat(result.decision().resetAfter()).isEqualTo(Duration.ofNanos(INTERVAL * 1_000));
    }

    @Test
    void reset_after_of_an_allowed_request_is_the_time_until_the_new_tat() {
        Gcra.Result first = Gcra.check(0, T0, FIVE_PER_MINUTE);
        Gcra.Result second = Gcra.check(first.newTat(), T0 + 1_000_000, FIVE_PER_MINUTE);

        assertThat(first.decision().resetAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(second.decision().resetAfter()).isEqualTo(Duration.ofSeconds(23));
    }

    /** Stored TATs relative to now (in intervals of the 5/min policy), from idle to exhausted. */
    static Stream<Arguments> storedStates() {
        return Stream.of(
                Arguments.of("nothing stored", 0L),
                Arguments.of("idle long ago", T0 - 100 * INTERVAL),
                Arguments.of("TAT exactly now", T0),
                Arguments.of("one used", T0 + INTERVAL),
                Arguments.of("three used, partly refilled", T0 + 3 * INTERVAL - 7),
                Arguments.of("four used", T0 + 4 * INTERVAL),
                Arguments.of("four used, 1 µs short of the next", T0 + 4 * INTERVAL + 1),
                Arguments.of("exhausted", T0 + 5 * INTERVAL),
                Arguments.of("exhausted, one more interval", T0 + 5 * INTERVAL + 1),
                Arguments.of("far in the future", T0 + 9 * INTERVAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedStates")
    void a_peek_is_refused_exactly_when_the_next_acquire_would_be(String state, long storedTat) {
        Gcra.Result peek = Gcra.check(storedTat, T0, FIVE_PER_MINUTE, 0);
        Gcra.Result acquire = Gcra.check(storedTat, T0, FIVE_PER_MINUTE, 1);

        assertThat(peek.decision().allowed()).isEqualTo(acquire.decision().allowed());
        assertThat(peek.decision().retryAfter()).isEqualTo(acquire.decision().retryAfter());
        if (acquire.decision().allowed()) {
            assertThat(peek.decision().remaining()).as("a peek counts nothing, so one more remains")
                    .isEqualTo(acquire.decision().remaining() + 1);
        } else {
            assertThat(peek.decision().remaining()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedStates")
    void a_peek_never_changes_the_stored_tat(String state, long storedTat) {
        Gcra.Result peek = Gcra.check(storedTat, T0, FIVE_PER_MINUTE, 0);

        if (storedTat >= T0) {
            assertThat(peek.newTat()).isEqualTo(storedTat);
        } else {
            // a TAT in the past means "idle"; the peek may normalise it to now, which decides every later request
            // exactly as the stored value does
            assertThat(peek.newTat()).isIn(storedTat, T0);
        }
        for (long later : new long[] {T0, T0 + 1, T0 + INTERVAL, T0 + 7 * INTERVAL}) {
            assertThat(Gcra.check(peek.newTat(), later, FIVE_PER_MINUTE).decision())
                    .isEqualTo(Gcra.check(storedTat, later, FIVE_PER_MINUTE).decision());
        }
    }

    @Test
    void peeking_any_number_of_times_counts_nothing() {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 4);
        for (int i = 0; i < 50; i++) {
            Gcra.Result peek = Gcra.check(tat, T0, FIVE_PER_MINUTE, 0);
            assertThat(peek.decision().allowed()).isTrue();
            assertThat(peek.decision().remaining()).isEqualTo(1);
            tat = peek.newTat();
        }

        assertThat(Gcra.check(tat, T0, FIVE_PER_MINUTE).decision().allowed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 2, 5})
    void cost_must_be_zero_or_one(int cost) {
        assertThatIllegalArgumentException().isThrownBy(() -> Gcra.check(0, T0, FIVE_PER_MINUTE, cost));
    }

    @Test
    void a_clock_going_backwards_does_not_grant_extra_requests() {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 5);

        assertThat(Gcra.check(tat, T0 - 1_000_000, FIVE_PER_MINUTE).decision().allowed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("policies")
    void a_lease_of_n_leaves_the_same_state_as_n_acquires(RateLimitPolicy policy) {
        for (long wanted = 1; wanted <= policy.limit(); wanted++) {
            long byOne = burst(0, T0, policy, (int) wanted);
            Gcra.Lease lease = Gcra.lease(0, T0, policy, wanted);
            assertThat(lease.grant().permits()).isEqualTo(wanted);
            assertThat(lease.newTat()).isEqualTo(byOne);
            assertThat(lease.grant().decision().remaining()).isEqualTo(policy.limit() - wanted);
            assertThat(lease.grant().decision()).isEqualTo(Gcra.check(burst(0, T0, policy, (int) wanted - 1), T0, policy).decision());
        }
    }

    @Test
    void a_lease_grants_only_what_the_budget_holds_and_is_refused_when_an_acquire_would_be() {
        long tat = burst(0, T0, FIVE_PER_MINUTE, 3);
        Gcra.Lease partial = Gcra.lease(tat, T0, FIVE_PER_MINUTE, 10);
        assertThat(partial.grant().permits()).isEqualTo(2);
        assertThat(partial.grant().decision().allowed()).isTrue();
        assertThat(partial.grant().decision().remaining()).isZero();

        Gcra.Lease refused = Gcra.lease(partial.newTat(), T0, FIVE_PER_MINUTE, 10);
        assertThat(refused.grant().permits()).isZero();
        assertThat(refused.newTat()).isEqualTo(partial.newTat());
        assertThat(refused.grant().decision()).isEqualTo(Gcra.check(partial.newTat(), T0, FIVE_PER_MINUTE).decision());

        // one interval later exactly one request is back
        Gcra.Lease oneBack = Gcra.lease(partial.newTat(), T0 + INTERVAL, FIVE_PER_MINUTE, 10);
        assertThat(oneBack.grant().permits()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1})
    void a_lease_wants_at_least_one(long wanted) {
        assertThatIllegalArgumentException().isThrownBy(() -> Gcra.lease(0, T0, FIVE_PER_MINUTE, wanted));
    }
}
