package dev.hexcore.application.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.crm.fakes.InMemoryShopRepository;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.fakes.ClockSleeper;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.recommendation.Advice;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.NotEnoughOrdersException;
import dev.hexcore.domain.recommendation.OrderScope;
import dev.hexcore.domain.recommendation.OrderStats;
import dev.hexcore.domain.recommendation.OrderStatsReader;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.TooManyRequestsException;
import dev.hexcore.domain.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The service's rules with its ports faked: scopes, the minimum, the cooldown, bad answers and the batch. */
class RecommendationServiceTest {
    private static final long TGID = 777;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T12:00:00Z"));
    private final InMemoryShopRepository shops = new InMemoryShopRepository();
    private final Orders orders = new Orders();
    private final Store store = new Store();
    private final Locks locks = new Locks();
    private final Gateway gateway = new Gateway();
    private final RecommendationService service = new RecommendationService(new RecommendationAccess(shops), orders, store,
            locks, gateway, json -> Optional.ofNullable(gateway.advice), new RecommendationSettings(
                    List.of(new ModelRef("offline", "offline")), Duration.ofSeconds(30), Duration.ofHours(24),
                    Duration.ofMinutes(10), Duration.ofHours(20), Duration.ofSeconds(4), "русский"),
            clock, new ClockSleeper(clock));

    private static Actor self() {
        return new Actor(Actor.Kind.USER, UUID.randomUUID(), Set.of(Role.USER), Set.of(), Optional.of(TGID));
    }

    @Test
    void selfAndAdminsReadEveryShopAManagerTheirShopAndOthersAreRefused() {
        UUID shop = shops.add();
        orders.counts.put(OrderScope.everyShop(TGID), 6);
        orders.counts.put(OrderScope.shop(TGID, shop), 5);

        Recommendation mine = service.generate(self(), TGID);
        assertThat(service.get(Actor.user(UUID.randomUUID(), Set.of(Role.ADMIN)), TGID)).isEqualTo(mine);
        assertThat(service.get(Actor.apiKey(UUID.randomUUID(), Set.of("recommendations")), TGID)).isEqualTo(mine);
        assertThat(mine.stats().ordersCount()).isEqualTo(6);

        Actor manager = shops.staff(shop, Role.MANAGER);
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> service.get(manager, TGID));
        assertThat(service.generate(manager, TGID).stats().ordersCount()).isEqualTo(5);
        assertThat(store.entries).containsOnlyKeys("recommendations:user:777", "recommendations:user:777:shop:" + shop);

        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.get(shops.staff(shop, Role.FLORIST), TGID));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(
                () -> service.generate(Actor.user(UUID.randomUUID(), Set.of(Role.MANAGER)), TGID));   // a manager of no shop
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(
                () -> service.get(Actor.apiKey(UUID.randomUUID(), Set.of("crm")), TGID));
        assertThat(gateway.calls).isEqualTo(2);
    }

    @Test
    void fewerThanFiveOrdersIsRefusedWithTheCountAndNoModelCall() {
        orders.counts.put(OrderScope.everyShop(TGID), 4);

        assertThatExceptionOfType(NotEnoughOrdersException.class).isThrownBy(() -> service.generate(self(), TGID))
                .satisfies(e -> assertThat(List.of(e.count(), e.minimum())).containsExactly(4, 5));
        assertThat(gateway.calls).isZero();
    }

    @Test
    void theCooldownRunsFromTheLastGenerationAndSaysWhenItEnds() {
        orders.counts.put(OrderScope.everyShop(TGID), 5);
        service.generate(self(), TGID);
        clock.advance(Duration.ofMinutes(4));

        assertThatExceptionOfType(TooManyRequestsException.class).isThrownBy(() -> service.generate(self(), TGID))
                .satisfies(e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(6)));
        clock.advance(Duration.ofMinutes(6));
        assertThat(service.generate(self(), TGID).generatedAt()).isEqualTo(clock.instant());
        assertThat(gateway.calls).isEqualTo(2);
    }

    @Test
    void anAnswerLeftNeedingReviewIsABadResponseAndIsNotStored() {
        orders.counts.put(OrderScope.everyShop(TGID), 5);
        gateway.quality = ResultQuality.NEEDS_REVIEW;

        assertThatExceptionOfType(ModelBadResponseException.class).isThrownBy(() -> service.generate(self(), TGID));
        assertThat(store.entries).isEmpty();
        assertThat(locks.held).isEmpty();
    }

    @Test
    void theRequestIsStructuredWithTheBudgetAndTheStatisticsInThePrompt() {
        orders.counts.put(OrderScope.everyShop(TGID), 5);
        service.generate(self(), TGID);

        assertThat(gateway.last.budget()).isEqualTo(Duration.ofSeconds(30));
        assertThat(gateway.last.validators()).hasSize(1);
        assertThat(gateway.last.messages().get(0).text()).contains("заказов: 5", "Пионы (7 шт.)");
        assertThat(gateway.last.system()).contains("русский");
    }

    @Test
    void theBatchRegeneratesMissingAndStaleEntriesPacedAndSkipsWhileAnotherRunHoldsTheLock() {
        for (long id : List.of(1L, 2L, 3L)) orders.counts.put(OrderScope.everyShop(id), 5);
        store.save(OrderScope.everyShop(2).cacheKey(), recommendation(clock.instant().minus(Duration.ofHours(21))), Duration.ofHours(24));
        store.save(OrderScope.everyShop(3).cacheKey(), recommendation(clock.instant().minus(Duration.ofHours(19))), Duration.ofHours(24));
        Instant started = clock.instant();

        assertThat(service.regenerateStale().regenerated()).containsExactly(1L, 2L);
        assertThat(Duration.between(started, clock.instant())).isEqualTo(Duration.ofSeconds(4));   // one pause between two
        assertThat(gateway.calls).isEqualTo(2);

        locks.tryLock(RecommendationService.BATCH_LOCK, Duration.ofHours(1));
        assertThat(service.regenerateStale().skipped()).isTrue();
    }

    @Test
    void theBatchCarriesOnAfterAnUnavailableModelAndWaitsAsItIsTold() {
        for (long id : List.of(1L, 2L)) orders.counts.put(OrderScope.everyShop(id), 5);
        gateway.unavailableFor = 1;
        Instant started = clock.instant();

        var run = service.regenerateStale();

        assertThat(run.failed()).containsExactly(1L);
        assertThat(run.regenerated()).containsExactly(2L);
        assertThat(Duration.between(started, clock.instant())).isEqualTo(Duration.ofSeconds(20 + 4));
    }

    private static Recommendation recommendation(Instant at) {
        return new Recommendation("old", List.of("a", "b", "c"), at, stats(5));
    }

    private static OrderStats stats(int count) {
        return new OrderStats(count, new BigDecimal("100.00").multiply(BigDecimal.valueOf(count)), new BigDecimal("100.00"),
                "RUB", List.of(new OrderStats.ProductCount("Пионы", 7)), List.of("friday"), List.of(18), Instant.EPOCH);
    }

    private static final class Orders implements OrderStatsReader {
        final Map<OrderScope, Integer> counts = new HashMap<>();

        @Override
        public OrderStats stats(OrderScope scope, Instant since) {
            return RecommendationServiceTest.stats(counts.getOrDefault(scope, 0));
        }

        @Override
        public List<Long> telegramIdsWithOrders(Instant since, int minimum) {
            return counts.entrySet().stream().filter(e -> e.getKey().shopId() == null && e.getValue() >= minimum)
                    .map(e -> e.getKey().telegramId()).sorted().toList();
        }
    }

    private static final class Store implements RecommendationStore {
        final Map<String, Recommendation> entries = new HashMap<>();

        @Override
        public Optional<Recommendation> find(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        @Override
        public void save(String key, Recommendation recommendation, Duration ttl) {
            entries.put(key, recommendation);
        }
    }

    private static final class Locks implements GenerationLocks {
        final Set<String> held = new HashSet<>();

        @Override
        public boolean tryLock(String name, Duration lease) {
            return held.add(name);
        }

        @Override
        public boolean isLocked(String name) {
            return held.contains(name);
        }

        @Override
        public void unlock(String name) {
            held.remove(name);
        }
    }

    /** Answers every structured call with three tips, or fails the first {@code unavailableFor} calls. */
    private static final class Gateway implements ModelGateway {
        int calls;
        int unavailableFor;
        ResultQuality quality = ResultQuality.OK;
        ModelRequest last;
        Advice advice = new Advice("Итог", List.of("Один", "Два", "Три"));

        @Override
        public CompletionStage<ModelResult> reply(ModelRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelResult structured(ModelRequest request) {
            calls++;
            last = request;
            if (unavailableFor-- > 0) throw new ModelUnavailableException("keys exhausted", Duration.ofSeconds(20));
            return ModelResult.of("offline", "offline").json("{}").quality(quality).build();
        }

        @Override
        public ModelResult images(ModelRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
