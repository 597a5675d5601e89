package dev.hexcore.adapters.persistence.shared;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Reads that always see committed data. Outside a transaction Quarkus serves reads from a session that lives as
 * long as the request, so an entity loaded before a unit of work would be returned unchanged after it commits.
 * Entities are mapped to domain objects before they leave a repository, so that session is simply emptied after each
 * read; there is nothing to flush outside a transaction. Public so every bounded context of this module shares it;
 * nothing outside the module uses it.
 */
public final class Reads {
    private Reads() {
    }

    /** Runs {@code read} in a request context of its own when the thread has none (worker pools, schedulers). */
    public static <T> T inRequestContext(Supplier<T> read) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) return read.get();
        requestContext.activate();
        try {
            return read.get();
        } finally {
            requestContext.terminate();
        }
    }

    public static <T> T fresh(Supplier<T> read) {
        try {
            return read.get();
        } finally {
            if (!QuarkusTransaction.isActive()) Panache.getEntityManager().clear();
        }
    }
}
