package dev.hexcore.application.learning;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.learning.LearnerData;
import dev.hexcore.domain.learning.LearnerData.ResetCounts;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ForbiddenException;
import java.io.Writer;
import java.util.UUID;

/** Export runs in one read transaction (a consistent snapshot while it streams); reset in one write transaction. */
public final class LearnerDataService implements LearnerDataUseCase {
    private final LearnerData data;
    private final UnitOfWork uow;

    public LearnerDataService(LearnerData data, UnitOfWork uow) {
        this.data = data;
        this.uow = uow;
    }

    @Override
    public void export(Actor actor, Writer out) {
        UUID userId = userId(actor);
        uow.run(() -> data.export(userId, out));
    }

    @Override
    public ResetCounts reset(Actor actor) {
        UUID userId = userId(actor);
        return uow.inTransaction(() -> data.reset(userId));
    }

    private static UUID userId(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("Only a signed-in user has learner data");
        return actor.id();
    }
}
