package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.shared.ConflictException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

/** Flushes pending writes and reports a violated unique constraint as a {@link ConflictException}. */
final class UniqueConstraints {
    /** A unique constraint or index name (as in {@code V1__identity.sql}) and the conflict it means. */
    record Rule(String constraint, String code, String message) {
    }

    private UniqueConstraints() {
    }

    /**
     * Flushes now, so a duplicate surfaces inside the repository call rather than at commit. The transaction is
     * rolled back by the caller's unit of work when the exception propagates.
     */
    static void flush(EntityManager em, Rule... rules) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            String violated = violatedConstraint(e);
            for (Rule rule : rules) {
                if (rule.constraint().equalsIgnoreCase(violated)) throw new ConflictException(rule.code(), rule.message());
            }
            throw e;
        }
    }

    private static String violatedConstraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException cve) return cve.getConstraintName();
        }
        return null;
    }
}
