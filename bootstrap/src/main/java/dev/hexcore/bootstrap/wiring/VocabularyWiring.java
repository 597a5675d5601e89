package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.gamification.GamificationService;
import dev.hexcore.application.vocabulary.VocabularyService;
import dev.hexcore.application.vocabulary.VocabularySettings;
import dev.hexcore.application.vocabulary.VocabularyUseCase;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.vocabulary.Fsrs6Scheduler;
import dev.hexcore.domain.vocabulary.FsrsParameters;
import dev.hexcore.domain.vocabulary.ReviewScheduler;
import dev.hexcore.domain.vocabulary.Sm2Scheduler;
import dev.hexcore.domain.vocabulary.VocabularyReader;
import dev.hexcore.domain.vocabulary.VocabularyRepository;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Vocabulary reviews (issue 14): the scheduler chosen by {@code hexcore.vocabulary.scheduler}, the service. */
public class VocabularyWiring {
    @Produces
    @Singleton
    ReviewScheduler scheduler(
            @ConfigProperty(name = "hexcore.vocabulary.scheduler", defaultValue = "fsrs6") String kind,
            @ConfigProperty(name = "hexcore.vocabulary.desired-retention", defaultValue = "0.9") double retention,
            @ConfigProperty(name = "hexcore.vocabulary.fuzz", defaultValue = "true") boolean fuzz,
            @ConfigProperty(name = "hexcore.vocabulary.fuzz-seed", defaultValue = "0") long fuzzSeed) {
        return switch (kind) {
            case "fsrs6" -> new Fsrs6Scheduler(FsrsParameters.defaults(retention, fuzz, fuzzSeed));
            case "sm2" -> new Sm2Scheduler();
            default -> throw new IllegalArgumentException("hexcore.vocabulary.scheduler must be fsrs6 or sm2, not " + kind);
        };
    }

    @Produces
    @Singleton
    @Typed(VocabularyUseCase.class)
    VocabularyService vocabulary(VocabularyReader reader, UserRepository users, VocabularyRepository repository,
                                 ReviewScheduler scheduler, GamificationService gamification, UnitOfWork uow,
                                 IdGenerator ids, Clock clock,
                                 @ConfigProperty(name = "hexcore.vocabulary.new-per-day", defaultValue = "10") int newPerDay) {
        return new VocabularyService(reader, users, repository, scheduler, List.of(gamification), uow, ids, clock,
                new VocabularySettings(20, 100, newPerDay));
    }
}
