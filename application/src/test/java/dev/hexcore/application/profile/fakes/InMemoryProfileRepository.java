package dev.hexcore.application.profile.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileEvent;
import dev.hexcore.domain.profile.ProfileFilter;
import dev.hexcore.domain.profile.ProfileReader;
import dev.hexcore.domain.profile.ProfileRepository;
import dev.hexcore.domain.profile.ProfileView;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@link ProfileRepository} and {@link ProfileReader} on a map, with the adapters' visibility, ordering and filter
 * rules. Its views carry a one-field stand-in for the stored JSON ({@code {"full_name":...}}): the real text is
 * the persistence adapter's, and its contract test checks it.
 */
public final class InMemoryProfileRepository implements ProfileRepository, ProfileReader, FakeUnitOfWork.Participant {
    private final Map<UUID, Profile> rows = new LinkedHashMap<>();
    private final List<ProfileEvent> events = new ArrayList<>();
    private final FakeUnitOfWork uow;

    public InMemoryProfileRepository(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, Profile> rowsCopy = new LinkedHashMap<>();
        rows.forEach((id, p) -> rowsCopy.put(id, copy(p)));
        List<ProfileEvent> eventsCopy = List.copyOf(events);
        return () -> {
            rows.clear();
            rows.putAll(rowsCopy);
            events.clear();
            events.addAll(eventsCopy);
        };
    }

    @Override
    public void insertAll(List<Profile> profiles) {
        uow.requireActive();
        profiles.forEach(p -> {
            if (rows.containsKey(p.id())) throw new IllegalStateException("duplicate id " + p.id());
            rows.put(p.id(), copy(p));
        });
    }

    @Override
    public void markDeleted(Profile profile, ProfileEvent event) {
        uow.requireActive();
        rows.put(profile.id(), copy(profile));
        events.add(event);
    }

    @Override
    public Optional<Profile> findVisible(UUID id, Instant now) {
        return Optional.ofNullable(rows.get(id)).filter(p -> p.isVisibleAt(now)).map(InMemoryProfileRepository::copy);
    }

    @Override
    public Page<Profile> findVisible(ProfileFilter filter, PageRequest page, Instant now) {
        List<Profile> all = matching(filter, now).sorted(newestFirst()).toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).map(InMemoryProfileRepository::copy).toList(),
                page.page(), page.limit(), all.size());
    }

    @Override
    public Optional<ProfileView> findView(UUID id, Instant now) {
        return findVisible(id, now).map(InMemoryProfileRepository::view);
    }

    @Override
    public Page<ProfileView> findViews(ProfileFilter filter, PageRequest page, Instant now) {
        return findVisible(filter, page, now).map(InMemoryProfileRepository::view);
    }

    @Override
    public long countVisible(ProfileFilter filter, Instant now) {
        return matching(filter, now).count();
    }

    @Override
    public void forEachVisible(ProfileFilter filter, Instant now, Consumer<Profile> sink) {
        matching(filter, now).sorted(newestFirst().reversed()).map(InMemoryProfileRepository::copy).toList().forEach(sink);
    }

    @Override
    public int purgeExpired(Instant now, int limit) {
        uow.requireActive();
        List<UUID> expired = rows.values().stream()
                .filter(p -> p.expiresAt() != null && !p.expiresAt().isAfter(now)).limit(limit).map(Profile::id).toList();
        expired.forEach(rows::remove);
        events.removeIf(e -> expired.contains(e.profileId()));
        return expired.size();
    }

    public List<ProfileEvent> events() {
        return List.copyOf(events);
    }

    public Optional<Profile> raw(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryProfileRepository::copy);
    }

    private Stream<Profile> matching(ProfileFilter f, Instant now) {
        return rows.values().stream().filter(p -> p.isVisibleAt(now))
                .filter(p -> f.createdAfter() == null || !p.createdAt().isBefore(f.createdAfter()))
                .filter(p -> f.createdBefore() == null || p.createdAt().isBefore(f.createdBefore()))
                .filter(p -> f.sourceKey() == null || f.sourceKey().equals(p.sourceKey()));
    }

    private static Comparator<Profile> newestFirst() {
        return Comparator.comparing(Profile::createdAt).thenComparing(Profile::id).reversed();
    }

    private static ProfileView view(Profile p) {
        return new ProfileView(p.id(), p.sourceKey(), p.createdAt(), p.expiresAt(),
                "{\"full_name\":\"" + p.payload().fullName() + "\"}");
    }

    private static Profile copy(Profile p) {
        return Profile.restore(p.id(), p.payload(), p.sourceKey(), p.createdAt(), p.expiresAt(), p.deletedAt());
    }
}
