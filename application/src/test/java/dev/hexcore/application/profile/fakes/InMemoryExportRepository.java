package dev.hexcore.application.profile.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportRepository;
import dev.hexcore.domain.profile.ExportStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link ExportRepository} on a map; reads hand out copies, as rows read back from PostgreSQL would be. */
public final class InMemoryExportRepository implements ExportRepository, FakeUnitOfWork.Participant {
    private final Map<UUID, Export> rows = new LinkedHashMap<>();
    private final FakeUnitOfWork uow;

    public InMemoryExportRepository(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, Export> copy = new LinkedHashMap<>();
        rows.forEach((id, e) -> copy.put(id, copy(e)));
        return () -> {
            rows.clear();
            rows.putAll(copy);
        };
    }

    @Override
    public void save(Export export) {
        uow.requireActive();
        rows.put(export.id(), copy(export));
    }

    @Override
    public Optional<Export> findById(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryExportRepository::copy);
    }

    @Override
    public List<Export> findSucceededBefore(Instant before, int limit) {
        return rows.values().stream()
                .filter(e -> e.status() == ExportStatus.SUCCEEDED && e.completedAt().isBefore(before))
                .sorted(Comparator.comparing(Export::completedAt)).limit(limit).map(InMemoryExportRepository::copy).toList();
    }

    private static Export copy(Export e) {
        return Export.restore(e.id(), e.ownerKey(), e.format(), e.profileId(), e.filter(), e.requestedAt(), e.status(),
                e.progressDone(), e.progressTotal(), e.error(), e.attempts(), e.startedAt(), e.completedAt(), e.fileKey(),
                e.sizeBytes());
    }
}
