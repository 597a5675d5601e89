package dev.hexcore.adapters.persistence.identity;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.function.Supplier;

/**
 * Reads that always see committed data. Outside a transaction Quarkus serves reads from a session that lives as
 * long as the request, so an entity loaded before a unit of work would be returned unchanged after it commits.
 * Entities are mapped to domain objects before they leave a repository, so that session is simply emptied after each
 * read; there is nothing to flush outside a transaction.
 */
final class Reads {
    private Reads() {
    }

    static <T> T fresh(Supplier<T> read) {
        try {
            return read.get();
        } finally {
            if (!QuarkusTransaction.isActive()) Panache.getEntityManager().clear();
        }
    }
}
