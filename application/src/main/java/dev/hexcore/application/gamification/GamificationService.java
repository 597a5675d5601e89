package dev.hexcore.application.gamification;

import dev.hexcore.domain.course.LevelCompleted;
import dev.hexcore.domain.course.LevelCompletedHandler;
import dev.hexcore.domain.gamification.Achievement;
import dev.hexcore.domain.gamification.GamificationEvent;
import dev.hexcore.domain.gamification.GamificationEvent.Kind;
import dev.hexcore.domain.gamification.GamificationStore;
import dev.hexcore.domain.gamification.XpLedger;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.vocabulary.VocabularyReviewed;
import dev.hexcore.domain.vocabulary.VocabularyReviewedHandler;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * XP, streaks and achievements from domain events (issue 14). Each event is handled in the transaction that
 * publishes it and counted once by its id: a redelivered event changes nothing. Level = 1 + xp / 100.
 */
public final class GamificationService implements GamificationUseCase, LevelCompletedHandler, VocabularyReviewedHandler {
    static final int XP_PER_LEVEL = 100;

    private final GamificationStore store;
    private final XpLedger xp;
    private final UnitOfWork uow;
    private final Clock clock;
    private final GamificationSettings settings;

    public GamificationService(GamificationStore store, XpLedger xp, UnitOfWork uow, Clock clock,
                               GamificationSettings settings) {
        this.store = store;
        this.xp = xp;
        this.uow = uow;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void on(LevelCompleted event) {
        handle(new GamificationEvent(event.eventId(), event.userId(), Kind.LEVEL_COMPLETED, event.xpGained(), event.at()));
    }

    @Override
    public void on(VocabularyReviewed event) {
        handle(new GamificationEvent(event.eventId(), event.userId(), Kind.REVIEW_DONE, settings.reviewXp(),
                event.reviewedAt()));
    }

    /** Counts the event once: XP, the streak on the event's day in the user's zone, then newly reached achievements. */
    public void handle(GamificationEvent event) {
        uow.inTransaction(() -> {
            var state = store.lock(event.userId());
            if (!store.recordOnce(event)) {
                return null;
            }
            long total = event.xp() > 0 ? xp.add(event.userId(), event.xp()) : state.xp();
            var streak = state.streak().activeOn(LocalDate.ofInstant(event.at(), state.zone()));
            store.saveStreak(event.userId(), streak);
            var progress = new Achievement.Progress(total, streak.current(),
                    store.count(event.userId(), Kind.LEVEL_COMPLETED), store.count(event.userId(), Kind.REVIEW_DONE),
                    event.kind() == Kind.LEVEL_COMPLETED ? store.sectionsCompleted(event.userId()) : 0);
            for (Achievement achievement : Achievement.values()) {
                if (achievement.reached(progress)) {
                    store.unlock(event.userId(), achievement, event.at());
                }
            }
            return null;
        });
    }

    @Override
    public Summary summary(Actor actor) {
        UUID userId = userId(actor);
        var state = store.state(userId);
        int current = state.streak().currentOn(LocalDate.ofInstant(clock.instant(), state.zone()));
        return new Summary(state.xp(), level(state.xp()), current, state.streak().longest(),
                state.streak().freezes(), store.achievements(userId));
    }

    @Override
    public FreezeBought buyFreeze(Actor actor) {
        UUID userId = userId(actor);
        return uow.inTransaction(() -> store.buyFreeze(userId, settings.freezeCost(), settings.maxFreezes())
                .map(state -> new FreezeBought(state.streak().freezes(), state.xp()))
                .orElseThrow(() -> {
                    var state = store.state(userId);
                    return state.streak().freezes() >= settings.maxFreezes()
                            ? new ConflictException("FREEZE_LIMIT_REACHED", "At most " + settings.maxFreezes() + " freezes can be held")
                            : new ConflictException("INSUFFICIENT_XP", "A freeze costs " + settings.freezeCost() + " XP");
                }));
    }

    static int level(long xp) {
        return (int) (1 + xp / XP_PER_LEVEL);
    }

    private static UUID userId(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("Gamification is for signed-in users");
        return actor.id();
    }
}
