package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.profile.CleanUpExportFilesUseCase;
import dev.hexcore.application.profile.ExportService;
import dev.hexcore.application.profile.ExportSettings;
import dev.hexcore.application.profile.ExportsUseCase;
import dev.hexcore.application.profile.GenerateProfilesUseCase;
import dev.hexcore.application.profile.ProfileService;
import dev.hexcore.application.profile.ProfilesUseCase;
import dev.hexcore.application.profile.PurgeExpiredProfilesUseCase;
import dev.hexcore.application.profile.RunExportJobsUseCase;
import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.profile.ExportRepository;
import dev.hexcore.domain.profile.PersonaSource;
import dev.hexcore.domain.profile.ProfileDocumentWriter;
import dev.hexcore.domain.profile.ProfileGenerator;
import dev.hexcore.domain.profile.ProfileReader;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Profiles (seed 001): generation, storage, exports and their housekeeping. */
public class ProfileWiring {
    @Produces
    @Singleton
    @Typed({GenerateProfilesUseCase.class, ProfilesUseCase.class, PurgeExpiredProfilesUseCase.class})
    ProfileService profiles(PersonaSource personas, ProfileRepository profiles, ProfileReader reader, UnitOfWork uow,
                            Clock clock, IdGenerator ids, RandomGenerator random) {
        return new ProfileService(new ProfileGenerator(personas), profiles, reader, uow, clock, ids, random);
    }

    @Produces
    @Singleton
    @Typed({ExportsUseCase.class, RunExportJobsUseCase.class, CleanUpExportFilesUseCase.class})
    ExportService exports(ExportRepository exports, ProfileRepository profiles, JobQueue jobs, FileStorage storage,
                          Instance<ProfileDocumentWriter> writers, UnitOfWork uow, Clock clock, IdGenerator ids,
                          RandomGenerator random,
                          @ConfigProperty(name = "hexcore.exports.max-attempts", defaultValue = "3") int maxAttempts,
                          @ConfigProperty(name = "hexcore.exports.lease", defaultValue = "PT2M") Duration lease,
                          @ConfigProperty(name = "hexcore.exports.retry-backoff", defaultValue = "PT5S") Duration backoff,
                          @ConfigProperty(name = "hexcore.exports.max-backoff", defaultValue = "PT5M") Duration maxBackoff,
                          @ConfigProperty(name = "hexcore.exports.file-retention", defaultValue = "P7D") Duration retention,
                          @ConfigProperty(name = "hexcore.exports.pdf-max-profiles", defaultValue = "1000") int pdfMax) {
        return new ExportService(exports, profiles, jobs, storage, writers.stream().toList(), uow, clock, ids, random,
                new ExportSettings(maxAttempts, lease, backoff, maxBackoff, retention, pdfMax));
    }
}
