package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the work in the calling thread, like the real unit of work: a nested call joins the open transaction, and when
 * the outermost work throws, every enlisted in-memory repository is put back as it was before (rollback). The
 * repositories also refuse writes outside a transaction, as the PostgreSQL adapters do.
 */
public final class FakeUnitOfWork implements UnitOfWork {
    /** State a transaction can roll back: {@link #snapshot()} returns what restores the current state. */
    public interface Participant {
        Runnable snapshot();
    }

    private final List<Participant> participants = new ArrayList<>();
    private int depth;
    private int commits;
    private int rollbacks;

    public void enlist(Participant participant) {
        participants.add(participant);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) return work.get();
        List<Runnable> restore = participants.stream().map(Participant::snapshot).toList();
        depth++;
        try {
            T result = work.get();
            commits++;
            return result;
        } catch (RuntimeException | Error e) {
            restore.forEach(Runnable::run);
            rollbacks++;
            throw e;
        } finally {
            depth--;
        }
    }

    public boolean isActive() {
        return depth > 0;
    }

    /** Called by the fake repositories before a write. */
    public void requireActive() {
        if (depth == 0) throw new IllegalStateException("write outside a transaction");
    }

    public int commits() {
        return commits;
    }

    public int rollbacks() {
        return rollbacks;
    }
}
