package dev.hexcore.application.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VocabularyServiceTest {
    /** 22:30 in Moscow (UTC+3) on 4 December, already 5 December in Almaty (UTC+5). */
    private static final Instant NOW = Instant.parse("2026-12-04T19:30:00Z");

    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final InMemoryUserRepository users = new InMemoryUserRepository(uow);
    private final List<Instant> dayStarts = new ArrayList<>();
    private final VocabularyService service = new VocabularyService(
            (userId, now, dayStart, limit, newPerDay) -> {
                dayStarts.add(dayStart);
                return List.of();
            },
            users, null, null, List.of(), uow, UUID::randomUUID, Clock.fixed(NOW, ZoneOffset.UTC),
            new VocabularySettings(20, 100, 10));

    private Actor learner(String timeZone) {
        UUID id = UUID.randomUUID();
        uow.run(() -> {
            User user = User.register(id, "learner_" + id.toString().substring(0, 8), id + "@example.test", "hash",
                    Set.of(Role.USER), null, null, NOW);
            user.changeTimeZone(timeZone, NOW);
            users.save(user);
        });
        return Actor.user(id, Set.of(Role.USER));
    }

    @Test
    void theNewWordQuotaCountsTheDayInTheUsersOwnTimeZone() {
        service.dailyReview(learner("Asia/Almaty"), null);
        service.dailyReview(learner("Europe/Moscow"), null);

        assertThat(dayStarts).containsExactly(Instant.parse("2026-12-04T19:00:00Z"), Instant.parse("2026-12-03T21:00:00Z"));
    }
}
