package dev.hexcore.adapters.persistence.transaction;

import dev.hexcore.domain.port.UnitOfWork;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * {@link UnitOfWork} on the Narayana JTA transaction manager: starts a transaction, or joins the one already open
 * on this thread. The work's runtime exceptions (domain exceptions included) reach the caller unchanged after the
 * rollback; a failure of the commit itself surfaces as a {@link QuarkusTransactionException}.
 */
@ApplicationScoped
public class QuarkusTransactionUnitOfWork implements UnitOfWork {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        try {
            return QuarkusTransaction.joiningExisting().call(work::get);
        } catch (QuarkusTransactionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
