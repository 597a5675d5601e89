package dev.hexcore.application.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.bot.BotUsersUseCase.RegisterBotUserCommand;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GenerateCommand;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GeneratedImages;
import dev.hexcore.application.bot.fakes.InMemoryBotStore;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.profile.fakes.InMemoryFileStorage;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.PageRequest;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The bot's two services over the in-memory ports, a scripted image model and a clock the tests move. */
class BotServicesTest {
    private static final Actor BOT = Actor.apiKey(UUID.randomUUID(), Set.of("bot"));
    /** 23:50 in Moscow. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T20:50:00Z"));
    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final InMemoryBotStore store = new InMemoryBotStore(uow);
    private final ScriptedImageModel model = new ScriptedImageModel();
    private final BotRules rules = BotRules.defaults();
    private final BotUserService users = new BotUserService(store, store, store, rules, uow, clock);
    private final DrawingGenerationService generations = new DrawingGenerationService(store, store, store, store,
            bytes -> new ImageData("image/png", bytes), model, new InMemoryFileStorage(), rules,
            List.of(new ModelRef("gemini", "gemini-2.5-flash-image")), Duration.ofSeconds(30), Duration.ofMinutes(10), uow, clock,
            new UuidV7Generator(clock, RandomGenerator.of("L64X128MixRandom")));

    /** Answers image requests with distinct images, or fails as scripted; records whether a transaction was open. */
    private final class ScriptedImageModel implements ModelGateway {
        RuntimeException failure;
        Runnable onCall = () -> { };
        final List<Integer> requested = new ArrayList<>();
        boolean calledInsideTransaction;

        @Override
        public ModelResult images(ModelRequest request) {
            calledInsideTransaction |= uow.isActive();
            requested.add(request.imageOutputs());
            onCall.run();
            if (failure != null) throw failure;
            return ModelResult.of("gemini", "gemini-2.5-flash-image").images(IntStream.range(0, request.imageOutputs())
                    .mapToObj(i -> new ImageData("image/png", new byte[] {(byte) i, (byte) requested.size()})).toList())
                    .build();
        }

        @Override
        public CompletionStage<ModelResult> reply(ModelRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ModelResult structured(ModelRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private long register(long chatId, String referralCode) {
        users.register(BOT, new RegisterBotUserCommand(chatId, "user" + chatId, referralCode, null));
        return chatId;
    }

    private GeneratedImages generate(long chatId, String key) {
        return generations.generate(BOT, new GenerateCommand(chatId, new byte[] {1, 2, 3}, key));
    }

    private int balance(long chatId) {
        return users.get(BOT, chatId).user().ozhivashki();
    }

    @Test
    void theDailyBonusIsOncePerMoscowDayAndTheStreakSurvivesMidnight() {
        long chatId = register(1, null);
        assertThat(users.claimDailyBonus(BOT, chatId).amount()).isEqualTo(1);
        assertThat(users.get(BOT, chatId).dailyBonusClaimedToday()).isTrue();

        clock.set(Instant.parse("2026-12-04T20:59:59Z"));
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> users.claimDailyBonus(BOT, chatId));

        clock.set(Instant.parse("2026-12-04T21:00:00Z"));   // midnight in Moscow, 21:00 in UTC
        assertThat(users.get(BOT, chatId).dailyBonusClaimedToday()).isFalse();
        BotUsersUseCase.DailyBonus second = users.claimDailyBonus(BOT, chatId);
        assertThat(second.profile().dailyBonusStreak()).isEqualTo(2);
        assertThat(second.amount()).isEqualTo(1);

        clock.advance(Duration.ofDays(1));
        assertThat(users.claimDailyBonus(BOT, chatId).amount()).as("day 3 of the table").isEqualTo(2);
        clock.advance(Duration.ofDays(2));
        assertThat(users.get(BOT, chatId).dailyBonusStreak()).as("a missed day breaks the streak").isZero();
        assertThat(users.claimDailyBonus(BOT, chatId).profile().dailyBonusStreak()).isEqualTo(1);
        assertThat(balance(chatId)).isEqualTo(1 + 1 + 1 + 2 + 1);
        assertThat(users.ledger(BOT, chatId, new PageRequest(1, 20)).items()).extracting(CreditEntry::idempotencyKey)
                .containsExactly("daily:2026-12-08", "daily:2026-12-06", "daily:2026-12-05", "daily:2026-12-04", "welcome");
    }

    @Test
    void theReferrerIsPaidOnceOnTheReferredUsersFirstSuccess() {
        long referrer = register(10, null);
        long chatId = register(11, "ref_10");
        assertThat(users.get(BOT, chatId).user().referredBy()).isEqualTo(referrer);
        assertThat(balance(referrer)).isEqualTo(1);

        generate(chatId, null);
        assertThat(balance(referrer)).isEqualTo(2);
        assertThat(users.get(BOT, chatId).user().referralBonusClaimed()).isTrue();

        users.claimDailyBonus(BOT, chatId);
        generate(chatId, null);
        assertThat(balance(referrer)).as("paid once").isEqualTo(2);
    }

    @Test
    void unknownAndOwnReferralCodesReferNobodyAndARepeatedRegistrationChangesNothing() {
        assertThat(users.get(BOT, register(20, "ref_404")).user().referredBy()).isNull();
        assertThat(users.get(BOT, register(21, "ref_21")).user().referredBy()).isNull();
        assertThat(users.get(BOT, register(22, "friend")).user().referredBy()).isNull();

        var again = users.register(BOT, new RegisterBotUserCommand(20L, "renamed", null, "elsewhere"));
        assertThat(again.created()).isFalse();
        assertThat(again.profile().user().username()).isEqualTo("user20");
        assertThat(balance(20)).as("no second welcome").isEqualTo(1);
    }

    @Test
    void theModelRunsOutsideAnyTransactionAndItsFailureGivesTheCreditBack() {
        long chatId = register(30, null);
        model.failure = new ModelUnavailableException("keys cooling", Duration.ofSeconds(31));

        assertThatExceptionOfType(ModelUnavailableException.class).isThrownBy(() -> generate(chatId, "k"));

        assertThat(model.calledInsideTransaction).isFalse();
        assertThat(balance(chatId)).isEqualTo(1);
        assertThat(users.ledger(BOT, chatId, new PageRequest(1, 20)).items()).extracting(CreditEntry::reason)
                .containsExactly(CreditReason.REFUND, CreditReason.GENERATION, CreditReason.WELCOME);
        BotGeneration failed = generations.history(BOT, chatId, new PageRequest(1, 20)).items().getFirst();
        assertThat(failed.status()).isEqualTo(BotGeneration.Status.FAILED);
        assertThat(failed.errorCode()).isEqualTo(ModelUnavailableException.CODE);

        model.failure = null;
        assertThat(generate(chatId, "k").newBalance()).as("the key is free for a retry").isZero();
    }

    /** Found by bench/replicas.sh: under load the completing transaction timed out waiting for a connection. */
    @Test
    void aGenerationThatCannotBeRecordedGivesTheCreditBackAtOnce() {
        long chatId = register(32, null);
        IllegalStateException databaseDown = new IllegalStateException("no connection within the pool timeout");
        store.nextRecordGenerationFailure = databaseDown;

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> generate(chatId, "k")).isSameAs(databaseDown);

        assertThat(balance(chatId)).isEqualTo(1);
        assertThat(users.ledger(BOT, chatId, new PageRequest(1, 20)).items()).extracting(CreditEntry::reason)
                .containsExactly(CreditReason.REFUND, CreditReason.GENERATION, CreditReason.WELCOME);
        BotGeneration failed = generations.history(BOT, chatId, new PageRequest(1, 20)).items().getFirst();
        assertThat(failed.status()).isEqualTo(BotGeneration.Status.FAILED);
        assertThat(failed.errorCode()).isEqualTo("INTERNAL_ERROR");
        clock.advance(Duration.ofMinutes(11));
        assertThat(generations.releaseAbandoned()).as("nothing left for the sweep").isZero();
        assertThat(generate(chatId, "k").newBalance()).as("the key is free for a retry").isZero();
    }

    @Test
    void aGenerationLeftPendingByADeadProcessIsReleasedAfterItsTimeAndCannotCompleteLater() {
        long chatId = register(35, null);
        model.onCall = () -> {
            clock.advance(Duration.ofMinutes(11));
            assertThat(generations.releaseAbandoned()).as("pending for 11 minutes").isEqualTo(1);
        };

        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> generate(chatId, null))
                .satisfies(e -> assertThat(e.code()).isEqualTo("GENERATION_ABANDONED"));

        assertThat(balance(chatId)).isEqualTo(1);
        assertThat(users.get(BOT, chatId).user().generationCount()).isZero();
        BotGeneration released = generations.history(BOT, chatId, new PageRequest(1, 20)).items().getFirst();
        assertThat(released.errorCode()).isEqualTo("ABANDONED");
        assertThat(generations.releaseAbandoned()).as("released once").isZero();
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheStoredImagesWithoutCallingTheModelOrCharging() {
        long chatId = register(40, null);
        users.claimDailyBonus(BOT, chatId);
        GeneratedImages first = generate(chatId, "same");
        GeneratedImages retry = generate(chatId, "same");

        assertThat(model.requested).hasSize(1);
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.mainImages()).isEqualTo(first.mainImages());
        assertThat(retry.bonusImages()).isEqualTo(first.bonusImages());
        assertThat(retry.newBalance()).isEqualTo(first.newBalance()).isEqualTo(1);
        assertThat(balance(chatId)).isEqualTo(1);
    }

    @Test
    void theFirstGenerationBringsBonusImagesAndAnEmptyBalanceIsRefusedBeforeTheModel() {
        long chatId = register(50, null);
        GeneratedImages first = generate(chatId, null);
        assertThat(first.mainImages()).hasSize(4);
        assertThat(first.bonusImages()).hasSize(2);
        assertThat(first.newBalance()).isZero();

        assertThatExceptionOfType(InsufficientCreditsException.class).isThrownBy(() -> generate(chatId, null));
        assertThat(model.requested).containsExactly(6);
    }

    @Test
    void aUserAtZeroAfterThreeGenerationsWithoutAPurchaseIsOfferedADiscount() {
        long chatId = register(60, null);
        for (int day = 0; day < 3; day++) {
            if (day > 0) users.claimDailyBonus(BOT, chatId);
            generate(chatId, null);
            assertThat(users.get(BOT, chatId).user().discountOffered()).isEqualTo(day == 2);
            clock.advance(Duration.ofDays(1));
        }
    }

    @Test
    void onlyTheBotScopeMayCall() {
        Actor other = Actor.apiKey(UUID.randomUUID(), Set.of("profiles:read"));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> users.get(other, 1));
        assertThatExceptionOfType(ForbiddenException.class)
                .isThrownBy(() -> generations.generate(other, new GenerateCommand(1, new byte[] {1}, null)));
    }
}
