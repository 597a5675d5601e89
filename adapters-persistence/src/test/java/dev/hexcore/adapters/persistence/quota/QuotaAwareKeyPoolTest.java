package dev.hexcore.adapters.persistence.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelKeyStatus;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ProviderFailure;
import dev.hexcore.domain.generation.ProviderFailure.Kind;
import dev.hexcore.domain.generation.ProviderKey;
import dev.hexcore.domain.generation.TokenUsage;
import dev.hexcore.domain.quota.ModelKeyConfig;
import dev.hexcore.domain.quota.ProviderQuotaClock;
import dev.hexcore.domain.quota.QuotaAwareKeyPool;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QuotaAwareKeyPoolTest {
    private static final ModelRef FLASH = new ModelRef("gemini", "gemini-2.5-flash");
    private static final ModelRef PRO = new ModelRef("gemini", "gemini-2.5-pro");
    private static final ModelRef LLAMA = new ModelRef("groq", "llama-3.3-70b-versatile");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:10Z"));
    private final InMemoryQuotaCounters counters = new InMemoryQuotaCounters();
    private final InMemoryKeyStates states = new InMemoryKeyStates();

    private QuotaAwareKeyPool pool(ModelKeyConfig... keys) {
        return new QuotaAwareKeyPool(List.of(keys), List.of(), new StepwiseKeyAdmission(states, counters), counters, states,
                ProviderQuotaClock.defaults());
    }

    private static ModelKeyConfig gemini(String id, String project, Integer rpm, Integer rpd, Integer tpm) {
        return new ModelKeyConfig(id, "gemini", project, "secret-" + id, rpm, rpd, tpm);
    }

    private static ModelKeyConfig rpm(String id, String project, int rpm) {
        return gemini(id, project, rpm, null, null);
    }

    private Instant now() {
        return clock.instant();
    }

    private static String granted(KeyLease lease) {
        assertThat(lease).isInstanceOf(KeyLease.Granted.class);
        return ((KeyLease.Granted) lease).key().id();
    }

    private static KeyLease.Unavailable unavailable(KeyLease lease) {
        assertThat(lease).isInstanceOf(KeyLease.Unavailable.class);
        return (KeyLease.Unavailable) lease;
    }

    private static ProviderKey key(String id) {
        return new ProviderKey(id, "secret-" + id);
    }

    private static ProviderFailure failure(Kind kind, Duration retryAfter, String code) {
        return new ProviderFailure(kind, "test", retryAfter, code);
    }

    private Map<String, Integer> grantsOf(QuotaAwareKeyPool pool, ModelRef model, int requests) {
        Map<String, Integer> grants = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            if (pool.acquire(model, now()) instanceof KeyLease.Granted granted) grants.merge(granted.key().id(), 1, Integer::sum);
        }
        return grants;
    }

    @Nested
    class StartedAhead {
        @Test
        void aStartedAcquireGrantsAndCountsLikeAcquire() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 1, 5, null));

            assertThat(granted(pool.startAcquire(FLASH, now()).lease())).isEqualTo("a");

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-22T10:01:10Z"));
        }

        @Test
        void aKeyGivenBackIsUncountedFromEveryWindowSoTheNextRequestGetsIt() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 1, 1, null));

            var pending = pool.startAcquire(FLASH, now());
            assertThat(granted(pending.lease())).isEqualTo("a");
            pending.giveBack();
            pending.giveBack(); // only the first counts

            assertThat(granted(pool.acquire(FLASH, now()))).as("minute and day both have room again").isEqualTo("a");
            assertThat(pool.acquire(FLASH, now())).isInstanceOf(KeyLease.Unavailable.class);
        }

        @Test
        void aKeyGivenBackWithoutLookingAtTheLeaseIsUncountedToo() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1));

            pool.startAcquire(FLASH, now()).giveBack();

            assertThat(granted(pool.acquire(FLASH, now()))).isEqualTo("a");
        }

        @Test
        void givingBackARefusedAcquireUncountsNothing() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1));
            assertThat(granted(pool.acquire(FLASH, now()))).isEqualTo("a");

            var refused = pool.startAcquire(FLASH, now());
            assertThat(refused.lease()).isInstanceOf(KeyLease.Unavailable.class);
            refused.giveBack();

            assertThat(pool.acquire(FLASH, now())).as("the granted request stays counted")
                    .isInstanceOf(KeyLease.Unavailable.class);
        }
    }

    @Nested
    class Quotas {
        @Test
        void twoKeysOfOneProjectShareTheQuota() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 3), rpm("b", "project-1", 3));

            Map<String, Integer> grants = grantsOf(pool, FLASH, 10);

            assertThat(grants.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
            KeyLease.Unavailable refused = unavailable(pool.acquire(FLASH, now()));
            assertThat(refused.earliestRecovery()).as("60 s after the oldest of the three")
                    .isEqualTo(Instant.parse("2026-11-22T10:01:10Z"));
        }

        @Test
        void keysOfDifferentProjectsDoNotShare() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 3), rpm("b", "project-2", 3));

            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 3).containsEntry("b", 3).hasSize(2);
        }

        @Test
        void aKeyWithoutProjectIsItsOwnProject() {
            QuotaAwareKeyPool pool = pool(rpm("a", null, 2), rpm("b", null, 2));

            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 2).containsEntry("b", 2);
        }

        @Test
        void eachModelHasItsOwnCounters() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 2));

            assertThat(grantsOf(pool, FLASH, 5)).containsEntry("a", 2);
            assertThat(grantsOf(pool, PRO, 5)).containsEntry("a", 2);
        }

        @Test
        void keysOfOneProjectWithDifferentLimitsGetTheStrictest() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 5), rpm("b", "project-1", 2));

            assertThat(grantsOf(pool, FLASH, 10).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        }

        @Test
        void requestsPerMinuteAreNeverExceededInAnySixtySecondsAndAllOfThemAreUsed() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 4), rpm("b", "project-2", 3));
            clock.set(Instant.parse("2026-11-22T10:00:00.300Z"));
            Map<String, List<Instant>> grants = new HashMap<>();
            for (int tenth = 0; tenth < 3000; tenth++) {
                if (pool.acquire(FLASH, now()) instanceof KeyLease.Granted granted) {
                    grants.computeIfAbsent(granted.key().id(), k -> new ArrayList<>()).add(now());
                }
                clock.advance(Duration.ofMillis(100));
            }
            assertThat(grants.get("a")).as("4 per 60 s for 300 s").hasSize(20);
            assertThat(grants.get("b")).as("3 per 60 s for 300 s").hasSize(15);
            assertNoMoreThanInAnySixtySeconds(grants.get("a"), 4);
            assertNoMoreThanInAnySixtySeconds(grants.get("b"), 3);
        }

        @Test
        void aFullMinuteJustBeforeTheClockMinuteEndsStillBlocksJustAfterIt() {
            // the benchmark's case: a provider counting a sliding minute refuses the 21st request in any 60 s
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 20));
            clock.set(Instant.parse("2026-11-22T10:30:59.900Z"));
            assertThat(grantsOf(pool, FLASH, 25)).containsEntry("a", 20);

            clock.set(Instant.parse("2026-11-22T10:31:00.100Z"));
            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-22T10:31:59.900Z"));
            clock.set(Instant.parse("2026-11-22T10:31:59.899Z"));
            unavailable(pool.acquire(FLASH, now()));
            clock.set(Instant.parse("2026-11-22T10:31:59.900Z"));
            assertThat(grantsOf(pool, FLASH, 25)).containsEntry("a", 20);
        }

        @Test
        void theRecoveryIsWhenTheOldestRequestOfTheLastSixtySecondsLeavesThem() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 3));
            List<Instant> sent = List.of(Instant.parse("2026-11-22T10:00:10Z"), Instant.parse("2026-11-22T10:00:25.5Z"),
                    Instant.parse("2026-11-22T10:00:40Z"));
            for (Instant at : sent) {
                clock.set(at);
                granted(pool.acquire(FLASH, now()));
            }
            for (Instant expected : List.of(Instant.parse("2026-11-22T10:01:10Z"), Instant.parse("2026-11-22T10:01:25.5Z"),
                    Instant.parse("2026-11-22T10:01:40Z"), Instant.parse("2026-11-22T10:02:10Z"))) {
                Instant recovery = unavailable(pool.acquire(FLASH, now())).earliestRecovery();
                assertThat(recovery).isEqualTo(expected);
                clock.set(recovery.minusNanos(1_000));
                unavailable(pool.acquire(FLASH, now()));
                clock.set(recovery); // the gateway waits until then and tries again
                granted(pool.acquire(FLASH, now()));
            }
        }

        @Test
        void requestsPerDayAreNeverExceededAndResetAtMidnightInLosAngeles() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 100, 5, null));
            clock.set(Instant.parse("2026-11-22T07:00:00Z")); // 23:00 on the 21st in Los Angeles (PST, UTC-8)

            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 5);
            clock.advance(Duration.ofMinutes(30));
            KeyLease.Unavailable refused = unavailable(pool.acquire(FLASH, now()));
            assertThat(refused.earliestRecovery()).isEqualTo(Instant.parse("2026-11-22T08:00:00Z"));

            clock.set(Instant.parse("2026-11-22T07:59:59Z"));
            unavailable(pool.acquire(FLASH, now()));
            clock.set(Instant.parse("2026-11-22T08:00:00Z"));
            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 5);
        }

        @Test
        void theDayWindowFollowsDaylightSavingTimeInLosAngeles() {
            // 2026-03-08 is the day Los Angeles moves to PDT: that day runs from 08:00Z to 07:00Z next day (23 hours)
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 100, 2, null));
            clock.set(Instant.parse("2026-03-08T08:00:00Z"));
            assertThat(grantsOf(pool, FLASH, 3)).containsEntry("a", 2);

            clock.set(Instant.parse("2026-03-09T06:59:59Z"));
            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
            clock.set(Instant.parse("2026-03-09T07:00:00Z"));
            assertThat(grantsOf(pool, FLASH, 3)).containsEntry("a", 2);
        }

        @Test
        void otherProvidersCountDaysInUtc() {
            QuotaAwareKeyPool pool = pool(new ModelKeyConfig("g", "groq", "org-1", "secret-g", null, 1, null));

            granted(pool.acquire(LLAMA, now()));
            assertThat(unavailable(pool.acquire(LLAMA, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        }

        @Test
        void tokensPerMinuteStopRequestsOnceSpentUntilTheMinuteEnds() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 100, null, 1000));

            granted(pool.acquire(FLASH, now()));
            pool.recordUsage(key("a"), FLASH, new TokenUsage(900, 99, 999), now());
            granted(pool.acquire(FLASH, now()));
            pool.recordUsage(key("a"), FLASH, new TokenUsage(1, 0, 1), now());

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-22T10:01:00Z"));
            clock.set(Instant.parse("2026-11-22T10:01:00Z"));
            granted(pool.acquire(FLASH, now()));
        }

        @Test
        void aRefusedRequestIsNotCounted() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 2, 3, null));

            grantsOf(pool, FLASH, 20);
            clock.set(Instant.parse("2026-11-22T10:01:10Z"));

            granted(pool.acquire(FLASH, now()));
            unavailable(pool.acquire(FLASH, now()));
        }
    }

    @Nested
    class Selection {
        @Test
        void loadSpreadsOverKeysOfDifferentProjects() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100), rpm("b", "project-2", 100));

            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 5).containsEntry("b", 5);
        }

        @Test
        void loadSpreadsOverKeysOfOneProject() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100), rpm("b", "project-1", 100));

            assertThat(grantsOf(pool, FLASH, 10)).containsEntry("a", 5).containsEntry("b", 5);
        }

        @Test
        void aKeyWithoutQuotasIsAlwaysGranted() {
            QuotaAwareKeyPool pool = pool(gemini("a", null, null, null, null));

            assertThat(grantsOf(pool, FLASH, 50)).containsEntry("a", 50);
        }

        @Test
        void noConfiguredKeyIsUnavailableWithoutRecovery() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1));

            KeyLease.Unavailable none = unavailable(pool.acquire(LLAMA, now()));
            assertThat(none.earliestRecovery()).isNull();
            assertThat(none.reason()).contains("groq");
            assertThat(unavailable(pool().acquire(FLASH, now())).earliestRecovery()).isNull();
        }

        @Test
        void unavailableTellsTheEarliestRecoveryOfAllProjects() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1), rpm("b", "project-2", 1));
            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_MINUTE, Duration.ofSeconds(30), "RESOURCE_EXHAUSTED"), now());
            granted(pool.acquire(FLASH, now()));

            // project-1 cools until 10:00:40, project-2's request leaves its last 60 s at 10:01:10
            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-22T10:00:40Z"));
        }

        @Test
        void ifTheEarliestRecoveryIsNotSoonerThanTheNextDayWhenTheDayIsSpent() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 1, 1, null));
            granted(pool.acquire(FLASH, now()));

            // both the minute and the day are spent: only the day's end helps
            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-11-23T08:00:00Z"));
        }
    }

    @Nested
    class Failures {
        @Test
        void aPerMinute429CoolsTheProjectAndModelForRetryDelay() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100), rpm("b", "project-1", 100), rpm("c", "project-2", 100));

            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_MINUTE, Duration.ofMillis(26_500), "RESOURCE_EXHAUSTED"), now());

            assertThat(grantsOf(pool, FLASH, 6)).containsOnlyKeys("c");
            assertThat(grantsOf(pool, PRO, 6)).containsKeys("a", "b", "c");
            clock.advance(Duration.ofMillis(26_499));
            assertThat(grantsOf(pool, FLASH, 6)).containsOnlyKeys("c");
            clock.advance(Duration.ofMillis(1));
            assertThat(grantsOf(pool, FLASH, 6)).containsKeys("a", "b", "c");
        }

        @Test
        void aPerMinute429WithoutRetryDelayCoolsForAMinute() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));

            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_MINUTE, null, null), now());

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery()).isEqualTo(now().plusSeconds(60));
        }

        @Test
        void aPerDay429ParksTheProjectAndModelUntilMidnightInLosAngeles() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));
            clock.set(Instant.parse("2026-03-08T12:00:00Z")); // 05:00 PDT, the first day of daylight saving time

            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_DAY, Duration.ofSeconds(20), "RESOURCE_EXHAUSTED"), now());

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
            granted(pool.acquire(PRO, now()));
            clock.set(Instant.parse("2026-03-09T07:00:00Z"));
            granted(pool.acquire(FLASH, now()));
        }

        @Test
        void aPerDay429TheDayBeforeTheClocksChangeParksUntilMidnightStandardTime() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));
            clock.set(Instant.parse("2026-03-07T20:00:00Z")); // 12:00 PST

            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_DAY, null, null), now());

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery())
                    .isEqualTo(Instant.parse("2026-03-08T08:00:00Z"));
        }

        @Test
        void aBare429BacksOffTwoSecondsDoublingUpToAMinute() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1000));
            List<Duration> waits = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED, null, null), now());
                Instant recovery = unavailable(pool.acquire(FLASH, now())).earliestRecovery();
                waits.add(Duration.between(now(), recovery));
                clock.set(recovery);
                granted(pool.acquire(FLASH, now()));
            }
            assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                    Duration.ofSeconds(16), Duration.ofSeconds(32), Duration.ofSeconds(60), Duration.ofSeconds(60));
        }

        @Test
        void aBare429RunIsForgottenAfterQuietTime() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 1000));
            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED, null, null), now());
            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED, null, null), now());
            clock.advance(Duration.ofMinutes(3));

            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED, null, null), now());

            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery()).isEqualTo(now().plusSeconds(2));
        }

        @Test
        void aBare429WithRetryAfterWaitsThatLong() {
            QuotaAwareKeyPool pool = pool(new ModelKeyConfig("g", "groq", "org-1", "secret-g", 30, 1000, null));

            pool.report(key("g"), LLAMA, failure(Kind.RATE_LIMITED, Duration.ofSeconds(5), "rate_limit_exceeded"), now());

            assertThat(unavailable(pool.acquire(LLAMA, now())).earliestRecovery()).isEqualTo(now().plusSeconds(5));
        }

        @Test
        void anInvalidKeyIsDisabledWithItsReasonUntilReEnabled() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100), rpm("b", "project-1", 100));

            pool.report(key("a"), FLASH, failure(Kind.KEY_INVALID, null, "API_KEY_INVALID"), now());

            assertThat(grantsOf(pool, FLASH, 4)).containsOnlyKeys("b");
            assertThat(grantsOf(pool, PRO, 4)).containsOnlyKeys("b");
            ModelKeyStatus a = statusOf(pool, "a");
            assertThat(a.enabled()).isFalse();
            assertThat(a.disabledReason()).isEqualTo("KEY_INVALID (API_KEY_INVALID)");

            assertThat(pool.setEnabled("a", true, null, now())).isTrue();
            assertThat(grantsOf(pool, FLASH, 4)).containsKeys("a", "b");
            assertThat(statusOf(pool, "a").enabled()).isTrue();
        }

        @Test
        void exhaustedBillingDisablesTheKey() {
            QuotaAwareKeyPool pool = pool(new ModelKeyConfig("g", "groq", null, "secret-g", 30, null, null));

            pool.report(key("g"), LLAMA, failure(Kind.BILLING_QUOTA, null, "insufficient_quota"), now());

            KeyLease.Unavailable none = unavailable(pool.acquire(LLAMA, now()));
            assertThat(none.earliestRecovery()).isNull();
            assertThat(none.reason()).contains("disabled");
            assertThat(statusOf(pool, "g").disabledReason()).isEqualTo("BILLING_QUOTA (insufficient_quota)");
        }

        @Test
        void failuresThatAreNotTheKeysFaultLeaveItAlone() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));
            for (Kind kind : List.of(Kind.OVERLOADED, Kind.MODEL_UNAVAILABLE, Kind.BLOCKED, Kind.BAD_OUTPUT, Kind.TIMEOUT,
                    Kind.TRANSIENT, Kind.INVALID_REQUEST)) {
                pool.report(key("a"), FLASH, failure(kind, Duration.ofSeconds(30), "x"), now());
            }
            granted(pool.acquire(FLASH, now()));
            assertThat(statusOf(pool, "a").enabled()).isTrue();
            assertThat(statusOf(pool, "a").cooldownUntil()).isNull();
        }

        @Test
        void reportsAboutUnknownKeysAreIgnored() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));
            pool.report(key("zzz"), FLASH, failure(Kind.KEY_INVALID, null, null), now());
            granted(pool.acquire(FLASH, now()));
        }
    }

    @Nested
    class Administration {
        @Test
        void anOperatorDisablesAndReEnablesAKey() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));

            assertThat(pool.setEnabled("a", false, "leaked in a screenshot", now())).isTrue();
            assertThat(unavailable(pool.acquire(FLASH, now())).earliestRecovery()).isNull();
            assertThat(statusOf(pool, "a").disabledReason()).isEqualTo("leaked in a screenshot");

            assertThat(pool.setEnabled("a", true, null, now())).isTrue();
            granted(pool.acquire(FLASH, now()));
        }

        @Test
        void disablingWithoutReasonSaysAnOperatorDidIt() {
            QuotaAwareKeyPool pool = pool(rpm("a", "project-1", 100));
            pool.setEnabled("a", false, " ", now());
            assertThat(statusOf(pool, "a").disabledReason()).isEqualTo("disabled by an operator");
        }

        @Test
        void anUnknownKeyCannotBeChanged() {
            assertThat(pool(rpm("a", "project-1", 100)).setEnabled("nope", false, "x", now())).isFalse();
        }

        @Test
        void statusShowsUsageAndWhatIsLeftPerModel() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 10, 100, 5000), gemini("b", null, null, null, null));
            grantsOf(pool, FLASH, 2); // spread over a and b: one each
            pool.recordUsage(key("a"), FLASH, new TokenUsage(100, 20, 120), now());
            pool.report(key("a"), FLASH, failure(Kind.RATE_LIMITED_MINUTE, Duration.ofSeconds(10), null), now());

            ModelKeyStatus a = statusOf(pool, "a");
            assertThat(a.project()).isEqualTo("project-1");
            assertThat(a.cooldownUntil()).isEqualTo(now().plusSeconds(10));
            assertThat(a.models()).containsExactly(new ModelKeyStatus.ModelUsage("gemini-2.5-flash", 1, 9L, 1, 99L, 120, 4880L));
            ModelKeyStatus b = statusOf(pool, "b");
            assertThat(b.models()).containsExactly(new ModelKeyStatus.ModelUsage("gemini-2.5-flash", 1, null, 1, null, 0, null));
            assertThat(b.cooldownUntil()).isNull();
        }

        @Test
        void statusCountsTheRequestsOfTheLastSixtySeconds() {
            QuotaAwareKeyPool pool = pool(gemini("a", "project-1", 10, 100, null));
            clock.set(Instant.parse("2026-11-22T10:00:50Z"));
            granted(pool.acquire(FLASH, now()));
            clock.set(Instant.parse("2026-11-22T10:01:20Z"));
            granted(pool.acquire(FLASH, now()));

            clock.set(Instant.parse("2026-11-22T10:01:49.999Z"));
            assertThat(statusOf(pool, "a").models().getFirst().requestsThisMinute()).isEqualTo(2);
            clock.set(Instant.parse("2026-11-22T10:01:50Z"));
            ModelKeyStatus.ModelUsage usage = statusOf(pool, "a").models().getFirst();
            assertThat(usage.requestsThisMinute()).isEqualTo(1);
            assertThat(usage.requestsPerMinuteLeft()).isEqualTo(9L);
            assertThat(usage.requestsToday()).isEqualTo(2);
        }

        @Test
        void statusListsKnownModelsBeforeTheyAreUsed() {
            QuotaAwareKeyPool pool = new QuotaAwareKeyPool(List.of(rpm("a", "project-1", 10)), List.of(PRO, LLAMA),
                    new StepwiseKeyAdmission(states, counters), counters, states, ProviderQuotaClock.defaults());

            assertThat(statusOf(pool, "a").models()).extracting(ModelKeyStatus.ModelUsage::model).containsExactly("gemini-2.5-pro");
        }

        @Test
        void duplicateKeyIdsAreRefused() {
            assertThatThrownBy(() -> pool(rpm("a", "p", 1), rpm("a", "q", 1))).isInstanceOf(IllegalArgumentException.class);
        }

        private ModelKeyStatus statusOf(QuotaAwareKeyPool pool, String id) {
            return QuotaAwareKeyPoolTest.this.statusOf(pool, id);
        }
    }

    private ModelKeyStatus statusOf(QuotaAwareKeyPool pool, String id) {
        return pool.status(now()).stream().filter(s -> s.keyId().equals(id)).findFirst().orElseThrow();
    }

    /** Fails if any half-open 60-second interval holds more than {@code limit} of the (sorted) instants. */
    private static void assertNoMoreThanInAnySixtySeconds(List<Instant> instants, int limit) {
        for (int i = 0; i + limit < instants.size(); i++) {
            assertThat(Duration.between(instants.get(i), instants.get(i + limit)))
                    .as("%d requests from %s", limit + 1, instants.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(60));
        }
    }
}
