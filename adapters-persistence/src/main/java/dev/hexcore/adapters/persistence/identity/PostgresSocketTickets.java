package dev.hexcore.adapters.persistence.identity;

import dev.hexcore.domain.identity.SocketTickets;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link SocketTickets} on PostgreSQL ({@code V42__socket_tickets.sql}); joins the caller's transaction. Redeeming
 * deletes the row and returns it in one statement, so a ticket opens one connection even when two arrive at once;
 * expired rows are removed on the way.
 */
@ApplicationScoped
public class PostgresSocketTickets implements SocketTickets {
    @Override
    public void issue(String ticketHash, Holder holder, Instant expiresAt) {
        Panache.getEntityManager().createNativeQuery("""
                        insert into socket_tickets (ticket_hash, user_id, session_ends_at, expires_at)
                        values (?1, ?2, ?3, ?4)""")
                .setParameter(1, ticketHash)
                .setParameter(2, holder.userId())
                .setParameter(3, holder.sessionEndsAt())
                .setParameter(4, expiresAt)
                .executeUpdate();
    }

    @Override
    public Optional<Holder> redeem(String ticketHash, Instant now) {
        var em = Panache.getEntityManager();
        em.createNativeQuery("delete from socket_tickets where expires_at <= ?1").setParameter(1, now).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "delete from socket_tickets where ticket_hash = ?1 returning user_id, session_ends_at")
                .setParameter(1, ticketHash)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Holder((UUID) row[0], instant(row[1])));
    }

    private static Instant instant(Object column) {
        return column instanceof Timestamp t ? t.toInstant() : (Instant) column;
    }
}
