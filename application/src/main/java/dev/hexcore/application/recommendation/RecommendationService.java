package dev.hexcore.application.recommendation;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.generation.Sleeper;
import dev.hexcore.domain.generation.CachePolicy;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.generation.ResultQuality;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.recommendation.Advice;
import dev.hexcore.domain.recommendation.AdviceReader;
import dev.hexcore.domain.recommendation.AdviceRules;
import dev.hexcore.domain.recommendation.GenerationLocks;
import dev.hexcore.domain.recommendation.NotEnoughOrdersException;
import dev.hexcore.domain.recommendation.OrderScope;
import dev.hexcore.domain.recommendation.OrderStats;
import dev.hexcore.domain.recommendation.OrderStatsReader;
import dev.hexcore.domain.recommendation.Recommendation;
import dev.hexcore.domain.recommendation.RecommendationStore;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Recommendations from a customer's order history (seed 000). A generation reads the statistics (one statement),
 * asks the gateway for {@code {summary, tips}} and stores the answer under the scope's key for the routes and the
 * batch. One generation per scope at a time, across replicas: the caller that takes the scope's lock calls the model,
 * the others wait for the lock to go and answer with what it stored.
 */
public final class RecommendationService implements RecommendationsUseCase, RegenerateRecommendationsUseCase {
    static final String OPERATION = "recommendations";
    static final String BATCH_LOCK = "recommendations:batch";
    /** The answer's JSON Schema; its {@code examples} are what the offline provider answers on embedded defaults. */
    public static final String SCHEMA = """
            {"type":"object","required":["summary","tips"],"additionalProperties":false,
             "properties":{
               "summary":{"type":"string","minLength":1,"maxLength":1000,
                          "examples":["Вы регулярно заказываете цветы и чаще всего выбираете одни и те же букеты."]},
               "tips":{"type":"array","minItems":3,"maxItems":7,"uniqueItems":true,
                       "items":{"type":"string","minLength":1,"maxLength":500,
                                "examples":["Оформляйте заказ заранее, накануне любимого дня недели.",
                                            "Попробуйте сезонные цветы: они свежее и дешевле.",
                                            "Подпишитесь на регулярную доставку любимого букета.",
                                            "Добавьте к букету открытку с личным пожеланием.",
                                            "Спросите флориста о композиции в тех же оттенках."]}}}}""";
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(RecommendationService.class.getName());

    private final RecommendationAccess access;
    private final OrderStatsReader orders;
    private final RecommendationStore store;
    private final GenerationLocks locks;
    private final ModelGateway gateway;
    private final AdviceReader advice;
    private final RecommendationSettings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public RecommendationService(RecommendationAccess access, OrderStatsReader orders, RecommendationStore store,
                                 GenerationLocks locks, ModelGateway gateway, AdviceReader advice,
                                 RecommendationSettings settings, Clock clock, Sleeper sleeper) {
        this.access = access;
        this.orders = orders;
        this.store = store;
        this.locks = locks;
        this.gateway = gateway;
        this.advice = advice;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Recommendation get(Actor actor, long telegramId) {
        return store.find(access.scopeOf(actor, telegramId).cacheKey())
                .orElseThrow(() -> new NotFoundException("Recommendations"));
    }

    @Override
    public Recommendation generate(Actor actor, long telegramId) {
        return generateOnce(access.scopeOf(actor, telegramId), true, true);
    }

    @Override
    public BatchRun regenerateStale() {
        // held for as long as a run may take: every eligible user at the paced rate, each with its budget
        if (!locks.tryLock(BATCH_LOCK, Duration.ofHours(6))) return BatchRun.skippedRun();
        try {
            List<Long> regenerated = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            List<Long> eligible = orders.telegramIdsWithOrders(clock.instant().minus(RecommendationSettings.WINDOW),
                    RecommendationSettings.MINIMUM_ORDERS);
            for (long telegramId : eligible) {
                OrderScope scope = OrderScope.everyShop(telegramId);
                Instant staleBefore = clock.instant().minus(settings.batchMinAge());
                if (store.find(scope.cacheKey()).filter(r -> r.generatedAt().isAfter(staleBefore)).isPresent()) continue;
                if (!regenerated.isEmpty() || !failed.isEmpty()) pause(settings.batchPause());
                try {
                    generateOnce(scope, false, true);
                    regenerated.add(telegramId);
                } catch (ModelUnavailableException e) {
                    failed.add(telegramId);
                    pause(e.retryAfter() == null ? settings.batchPause() : e.retryAfter());
                } catch (DomainException e) {
                    failed.add(telegramId);
                    LOG.log(System.Logger.Level.WARNING, "Batch recommendation for telegram id {0} failed: {1}", telegramId, e.code());
                }
            }
            return new BatchRun(false, regenerated, failed);
        } finally {
            locks.unlock(BATCH_LOCK);
        }
    }

    /**
     * Generates for the scope, or waits for the generation another caller (on any replica) is running and answers
     * with its result; if that one failed, tries once itself ({@code retry}).
     */
    private Recommendation generateOnce(OrderScope scope, boolean cooldown, boolean retry) {
        String key = scope.cacheKey();
        String lock = "lock:" + key;
        Instant asked = clock.instant();
        if (locks.tryLock(lock, settings.timeout().plusSeconds(5))) {
            try {
                if (cooldown) checkCooldown(key);
                return generateNow(scope);
            } finally {
                locks.unlock(lock);
            }
        }
        Instant giveUp = asked.plus(settings.timeout()).plusSeconds(5);
        while (locks.isLocked(lock) && clock.instant().isBefore(giveUp)) pause(POLL);
        Optional<Recommendation> shared = store.find(key).filter(r -> !r.generatedAt().isBefore(asked.minus(CLOCK_SKEW)));
        if (shared.isPresent()) return shared.get();
        if (!retry) throw new ModelUnavailableException("The recommendation could not be generated", settings.timeout());
        return generateOnce(scope, cooldown, false);
    }

    private void checkCooldown(String key) {
        Optional<Instant> last = store.find(key).map(Recommendation::generatedAt);
        if (last.isEmpty()) return;
        Duration left = Duration.between(clock.instant(), last.get().plus(settings.cooldown()));
        if (left.isPositive()) {
            throw new TooManyRequestsException("RECOMMENDATIONS_COOLDOWN", "Recommendations were generated at "
                    + last.get() + "; generate again after the cooldown of " + settings.cooldown().toMinutes() + " min", 1, left);
        }
    }

    private Recommendation generateNow(OrderScope scope) {
        OrderStats stats = orders.stats(scope, clock.instant().minus(RecommendationSettings.WINDOW));
        if (stats.ordersCount() < RecommendationSettings.MINIMUM_ORDERS) {
            throw new NotEnoughOrdersException(stats.ordersCount(), RecommendationSettings.MINIMUM_ORDERS);
        }
        ModelRequest request = ModelRequest.structured(OPERATION, settings.chain(), prompt(stats), SCHEMA)
                .system("Ты помощник цветочного магазина. Отвечай на языке: " + settings.language()
                        + ". Дай краткое резюме привычек покупателя и от 3 до 7 разных практичных советов.")
                .budget(settings.timeout())
                .cache(CachePolicy.bypass())
                .validator(new AdviceRules(advice))
                .build();
        ModelResult result = gateway.structured(request);
        ModelRef model = new ModelRef(result.provider(), result.model());
        Advice answer = advice.read(result.json())
                .filter(a -> result.quality() == ResultQuality.OK)
                .orElseThrow(() -> new ModelBadResponseException(model, "The model's recommendations did not pass the checks: "
                        + result.validationErrors()));
        Recommendation recommendation = new Recommendation(answer.summary().strip(),
                answer.tips().stream().map(String::strip).toList(), clock.instant(), stats);
        store.save(scope.cacheKey(), recommendation, settings.ttl());
        return recommendation;
    }

    /** The statistics as the model reads them; no names or contacts of the person, only what they bought and when. */
    static String prompt(OrderStats stats) {
        String products = stats.favouriteProducts().stream().map(p -> p.name() + " (" + p.count() + " шт.)")
                .collect(Collectors.joining(", "));
        return "Статистика заказов покупателя за последние 30 дней:\n"
                + "- заказов: " + stats.ordersCount() + "\n"
                + "- потрачено всего: " + stats.totalSpent().toPlainString() + " " + stats.currency() + "\n"
                + "- средний чек: " + stats.averageOrderValue().toPlainString() + " " + stats.currency() + "\n"
                + "- любимые товары: " + products + "\n"
                + "- любимые дни заказа: " + String.join(", ", stats.preferredDays()) + "\n"
                + "- любимые часы заказа (UTC): " + stats.preferredHours() + "\n"
                + "- последний заказ: " + stats.lastOrderAt() + "\n"
                + "Ответь JSON-объектом {\"summary\": строка, \"tips\": [строки]}.";
    }

    private void pause(Duration duration) {
        if (!duration.isPositive()) return;
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("Interrupted while waiting", duration);
        }
    }
}
