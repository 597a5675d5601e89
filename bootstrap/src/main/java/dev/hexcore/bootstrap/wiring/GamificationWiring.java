package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.gamification.GamificationService;
import dev.hexcore.application.gamification.GamificationSettings;
import dev.hexcore.application.gamification.GamificationUseCase;
import dev.hexcore.application.learning.LearnerDataService;
import dev.hexcore.application.learning.LearnerDataUseCase;
import dev.hexcore.domain.gamification.GamificationStore;
import dev.hexcore.domain.gamification.XpLedger;
import dev.hexcore.domain.learning.LearnerData;
import dev.hexcore.domain.port.UnitOfWork;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * XP, streaks and achievements (issue 14): one service that handles level and review events and serves the routes;
 * and the learner's own data (export, reset).
 */
public class GamificationWiring {
    @Produces
    @Singleton
    @Typed({GamificationUseCase.class, GamificationService.class})
    GamificationService gamification(GamificationStore store, XpLedger xp, UnitOfWork uow, Clock clock,
            @ConfigProperty(name = "hexcore.gamification.review-xp", defaultValue = "1") int reviewXp,
            @ConfigProperty(name = "hexcore.gamification.freeze-cost", defaultValue = "50") long freezeCost,
            @ConfigProperty(name = "hexcore.gamification.max-freezes", defaultValue = "2") int maxFreezes) {
        return new GamificationService(store, xp, uow, clock, new GamificationSettings(reviewXp, freezeCost, maxFreezes));
    }

    @Produces
    @Singleton
    @Typed(LearnerDataUseCase.class)
    LearnerDataService learnerData(LearnerData data, UnitOfWork uow) {
        return new LearnerDataService(data, uow);
    }
}
