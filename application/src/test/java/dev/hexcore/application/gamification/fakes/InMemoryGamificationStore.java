package dev.hexcore.application.gamification.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.gamification.Achievement;
import dev.hexcore.domain.gamification.GamificationEvent;
import dev.hexcore.domain.gamification.GamificationStore;
import dev.hexcore.domain.gamification.Streak;
import dev.hexcore.domain.gamification.XpLedger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Game state in memory, for tests of the services that publish events to the gamification handler: XP comes from the
 * given ledger, every user lives in Europe/Moscow, and like the PostgreSQL store it refuses writes outside a
 * transaction. Freezes are not kept.
 */
public final class InMemoryGamificationStore implements GamificationStore {
    private static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private final FakeUnitOfWork uow;
    private final XpLedger xp;
    private final Map<UUID, GamificationEvent> events = new LinkedHashMap<>();
    private final Map<UUID, Streak> streaks = new HashMap<>();
    private final Map<UUID, Map<Achievement, Instant>> unlocked = new HashMap<>();

    public InMemoryGamificationStore(FakeUnitOfWork uow, XpLedger xp) {
        this.uow = uow;
        this.xp = xp;
    }

    @Override
    public boolean recordOnce(GamificationEvent event) {
        uow.requireActive();
        return events.putIfAbsent(event.eventId(), event) == null;
    }

    @Override
    public State lock(UUID userId) {
        uow.requireActive();
        return state(userId);
    }

    @Override
    public void saveStreak(UUID userId, Streak streak) {
        uow.requireActive();
        streaks.put(userId, streak);
    }

    @Override
    public long count(UUID userId, GamificationEvent.Kind kind) {
        return events.values().stream().filter(e -> e.userId().equals(userId) && e.kind() == kind).count();
    }

    @Override
    public long sectionsCompleted(UUID userId) {
        return 0;
    }

    @Override
    public void unlock(UUID userId, Achievement achievement, Instant at) {
        uow.requireActive();
        unlocked.computeIfAbsent(userId, id -> new LinkedHashMap<>()).putIfAbsent(achievement, at);
    }

    @Override
    public List<Unlocked> achievements(UUID userId) {
        List<Unlocked> result = new ArrayList<>();
        unlocked.getOrDefault(userId, Map.of()).forEach((achievement, at) -> result.add(new Unlocked(achievement, at)));
        return result;
    }

    @Override
    public Optional<State> buyFreeze(UUID userId, long cost, int max) {
        throw new UnsupportedOperationException("freezes are not kept in memory");
    }

    @Override
    public State state(UUID userId) {
        return new State(xp.total(userId), streaks.getOrDefault(userId, new Streak(0, 0, null, 0)), ZONE);
    }
}
