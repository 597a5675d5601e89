package dev.hexcore.adapters.persistence.profile;

import dev.hexcore.adapters.persistence.shared.Reads;
import dev.hexcore.domain.profile.Export;
import dev.hexcore.domain.profile.ExportRepository;
import dev.hexcore.domain.profile.ExportStatus;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link ExportRepository} on PostgreSQL. Writes join the caller's transaction (opened through the unit of work) and
 * fail without one, so an export row and the job that runs it commit together; reads work with or without a
 * transaction and always see committed data.
 */
@ApplicationScoped
@ActivateRequestContext
public class PanacheExportRepository implements ExportRepository {
    /** Inserts or overwrites every column and flushes, so a refused row fails here rather than at commit. */
    @Override
    public void save(Export export) {
        ExportEntity entity = ExportEntity.findById(export.id());
        if (entity == null) {
            entity = new ExportEntity();
            ExportMapper.copy(export, entity);
            entity.persist();
        } else {
            ExportMapper.copy(export, entity);
        }
        ExportEntity.flush();
    }

    @Override
    public Optional<Export> findById(UUID id) {
        return Reads.fresh(() -> ExportEntity.<ExportEntity>findByIdOptional(id).map(ExportMapper::toDomain));
    }

    @Override
    public List<Export> findSucceededBefore(Instant before, int limit) {
        if (limit <= 0) return List.of();
        return Reads.fresh(() -> ExportEntity.<ExportEntity>find("status = :status and completedAt < :before",
                        Sort.ascending("completedAt", "id"),
                        Parameters.with("status", ExportStatus.SUCCEEDED.code()).and("before", before))
                .page(0, limit).list().stream().map(ExportMapper::toDomain).toList());
    }
}
