package dev.hexcore.domain.port;

import java.util.function.Supplier;

/**
 * Transaction boundary for use cases. Work runs in one transaction that commits when it returns and rolls back when
 * it throws; a call made while a transaction is open joins it. Never call a model, a payment provider or any other
 * remote service inside.
 */
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
