package dev.hexcore.application.profile;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileGenerator;
import dev.hexcore.domain.profile.ProfileLocale;
import dev.hexcore.domain.profile.ProfileReader;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Generates, stores, lists and soft-deletes profiles; purges expired ones. Reads go through the {@link ProfileReader}
 * (views with the stored JSON, no aggregate); writes load and change {@link Profile}s through the repository.
 */
public final class ProfileService implements GenerateProfilesUseCase, ProfilesUseCase, PurgeExpiredProfilesUseCase {
    public static final int MAX_COUNT = 100;
    static final long MIN_TTL_SECONDS = 60;
    static final long MAX_TTL_SECONDS = Duration.ofDays(365).toSeconds();
    private static final int PURGE_BATCH = 1000;

    private final ProfileGenerator generator;
    private final ProfileRepository profiles;
    private final ProfileReader reader;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;
    private final RandomGenerator random;

    public ProfileService(ProfileGenerator generator, ProfileRepository profiles, ProfileReader reader, UnitOfWork uow,
                          Clock clock, IdGenerator ids, RandomGenerator random) {
        this.generator = generator;
        this.profiles = profiles;
        this.reader = reader;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
        this.random = random;
    }

    @Override
    public GeneratedProfiles generate(Actor actor, GenerateProfilesCommand command) {
        boolean persist = Boolean.TRUE.equals(command.persist());
        if (persist) ProfileAccess.requireWrite(actor); else ProfileAccess.requireRead(actor);
        List<FieldError> errors = new ArrayList<>();
        int count = command.count() == null ? 1 : command.count();
        if (count < 1 || count > MAX_COUNT) errors.add(new FieldError("count", "must be between 1 and " + MAX_COUNT));
        ProfileLocale locale = ProfileLocale.RU;
        try {
            locale = ProfileLocale.parse(command.locale());
        } catch (InvalidValueException e) {
            errors.addAll(e.errors());
        }
        Long ttl = command.ttlSeconds();
        if (ttl != null && (ttl < MIN_TTL_SECONDS || ttl > MAX_TTL_SECONDS)) {
            errors.add(new FieldError("ttl", "must be between " + MIN_TTL_SECONDS + " and " + MAX_TTL_SECONDS + " seconds"));
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);

        long seed = command.seed() != null ? command.seed() : random.nextLong();
        Instant now = clock.instant();
        List<PersonProfile> people = generator.generate(seed, count, locale, LocalDate.ofInstant(now, ZoneOffset.UTC));
        Instant expiresAt = ttl == null ? null : now.plusSeconds(ttl);
        String owner = ProfileAccess.ownerKey(actor);
        List<Profile> result = people.stream().map(p -> Profile.create(ids.next(), p, owner, now, expiresAt)).toList();
        if (persist) uow.run(() -> profiles.insertAll(result));
        return new GeneratedProfiles(result, persist, seed, locale);
    }

    @Override
    public ProfileView get(Actor actor, UUID id) {
        ProfileAccess.requireRead(actor);
        return reader.findView(id, clock.instant())
                .filter(p -> ProfileAccess.canSee(actor, p.sourceKey()))
                .orElseThrow(() -> new NotFoundException("Profile"));
    }

    @Override
    public Page<ProfileView> list(Actor actor, ProfileFilter filter, PageRequest page) {
        ProfileAccess.requireRead(actor);
        ProfileFilter scoped = scope(actor, filter);
        if (scoped == null) return new Page<>(List.of(), page.page(), page.limit(), 0);
        return reader.findViews(scoped, page, clock.instant());
    }

    @Override
    public void delete(Actor actor, UUID id) {
        ProfileAccess.requireWrite(actor);
        uow.run(() -> {
            Profile profile = profiles.findVisible(id, clock.instant())
                    .filter(p -> ProfileAccess.canSee(actor, p.sourceKey()))
                    .orElseThrow(() -> new NotFoundException("Profile"));
            profile.delete(ProfileAccess.ownerKey(actor), ids.next(), clock)
                    .ifPresent(event -> profiles.markDeleted(profile, event));
        });
    }

    /** In batches of 1000, each its own transaction. */
    @Override
    public int purgeExpired() {
        int total = 0;
        int removed;
        do {
            Instant now = clock.instant();
            removed = uow.inTransaction(() -> profiles.purgeExpired(now, PURGE_BATCH));
            total += removed;
        } while (removed == PURGE_BATCH);
        return total;
    }

    /**
     * The filter a caller may use: an admin's as given; anyone else's narrowed to their own profiles, or null when they
     * asked for someone else's (which they may not see, so the answer is empty).
     */
    static ProfileFilter scope(Actor actor, ProfileFilter filter) {
        ProfileFilter requested = filter == null ? ProfileFilter.all() : filter;
        if (actor.isAdmin()) return requested;
        String own = ProfileAccess.ownerKey(actor);
        if (requested.sourceKey() != null && !requested.sourceKey().equals(own)) return null;
        return requested.ownedBy(own);
    }
}
