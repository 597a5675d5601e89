package dev.hexcore.adapters.persistence.payment;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.shared.Money;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link BotPayments} on PostgreSQL, each change one conditional statement on the caller's transaction's connection.
 * Two transactions settling the same payment queue on its row lock; the second one's {@code status not in (final)}
 * is re-checked against the first one's committed row and no longer matches (READ COMMITTED's update rule), which
 * holds across replicas sharing the database.
 */
@ApplicationScoped
public class PostgresBotPayments implements BotPayments {
    private static final String COLUMNS = "payment_id, chat_id, provider, pack_id, quantity, credits, amount, currency, "
            + "status, idempotence_key, confirmation_url, created_at, updated_at, succeeded_at, cancellation_reason, "
            + "refunded_amount, refunded_credits, debt";
    private static final String ADD = "insert into bot_payments (payment_id, chat_id, provider, pack_id, quantity, "
            + "credits, amount, currency, status, idempotence_key, confirmation_url, created_at, updated_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing";
    private static final String FIND = "select " + COLUMNS + " from bot_payments where payment_id = ?";
    private static final String LOCK = FIND + " for update";
    private static final String BY_KEY = "select " + COLUMNS + " from bot_payments where chat_id = ? and idempotence_key = ?";
    private static final String NOT_FINAL = " and status not in ('succeeded', 'canceled')";
    private static final String SUCCEED = "update bot_payments set status = 'succeeded', succeeded_at = ?, updated_at = ? "
            + "where payment_id = ?" + NOT_FINAL;
    private static final String CANCEL = "update bot_payments set status = 'canceled', cancellation_reason = ?, "
            + "updated_at = ? where payment_id = ?" + NOT_FINAL;
    private static final String STATUS = "update bot_payments set status = ?, updated_at = ? where payment_id = ?" + NOT_FINAL;
    private static final String HAS_REFUND = "select 1 from bot_payment_refunds where refund_id = ?";
    private static final String ADD_REFUND = "with added as (insert into bot_payment_refunds (refund_id, payment_id, "
            + "amount, credits_taken, debt, created_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing "
            + "returning payment_id, amount, credits_taken, debt) "
            + "update bot_payments p set refunded_amount = least(p.amount, p.refunded_amount + a.amount), "
            + "refunded_credits = p.refunded_credits + a.credits_taken + a.debt, debt = p.debt + a.debt, updated_at = ? "
            + "from added a where p.payment_id = a.payment_id";
    private static final String CLAIM = "update bot_payments set next_check_at = ? where payment_id in ("
            + "select payment_id from bot_payments where status in ('pending', 'waiting_for_capture') and created_at < ? "
            + "and (next_check_at is null or next_check_at <= ?) order by created_at limit ? for update skip locked) "
            + "returning " + COLUMNS;

    private final AgroalDataSource dataSource;

    public PostgresBotPayments(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean add(BotPayment p) {
        return update(ADD, s -> {
            s.setString(1, p.paymentId());
            s.setLong(2, p.chatId());
            s.setString(3, p.provider());
            s.setString(4, p.packId());
            s.setInt(5, p.quantity());
            s.setInt(6, p.credits());
            s.setBigDecimal(7, p.amount().value());
            s.setString(8, p.amount().currency());
            s.setString(9, p.status().code());
            s.setString(10, p.idempotenceKey());
            s.setString(11, p.confirmationUrl());
            Jdbc.setInstant(s, 12, p.createdAt());
            Jdbc.setInstant(s, 13, p.updatedAt());
        }) == 1;
    }

    @Override
    public Optional<BotPayment> find(String paymentId) {
        return one(FIND, s -> s.setString(1, paymentId));
    }

    @Override
    public Optional<BotPayment> lock(String paymentId) {
        return one(LOCK, s -> s.setString(1, paymentId));
    }

    @Override
    public Optional<BotPayment> findByKey(long chatId, String idempotenceKey) {
        return one(BY_KEY, s -> {
            s.setLong(1, chatId);
            s.setString(2, idempotenceKey);
        });
    }

    @Override
    public boolean markSucceeded(String paymentId, Instant at) {
        return update(SUCCEED, s -> {
            Jdbc.setInstant(s, 1, at);
            Jdbc.setInstant(s, 2, at);
            s.setString(3, paymentId);
        }) == 1;
    }

    @Override
    public boolean markCanceled(String paymentId, String reason, Instant at) {
        return update(CANCEL, s -> {
            s.setString(1, reason);
            Jdbc.setInstant(s, 2, at);
            s.setString(3, paymentId);
        }) == 1;
    }

    @Override
    public boolean markStatus(String paymentId, PaymentStatus status, Instant at) {
        if (status.isFinal()) throw new IllegalArgumentException("final statuses have their own transitions");
        return update(STATUS, s -> {
            s.setString(1, status.code());
            Jdbc.setInstant(s, 2, at);
            s.setString(3, paymentId);
        }) == 1;
    }

    @Override
    public boolean hasRefund(String refundId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(HAS_REFUND)) {
                select.setString(1, refundId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    @Override
    public boolean addRefund(Refund r) {
        return update(ADD_REFUND, s -> {
            s.setString(1, r.refundId());
            s.setString(2, r.paymentId());
            s.setBigDecimal(3, r.amount().value());
            s.setInt(4, r.creditsTaken());
            s.setInt(5, r.debt());
            Jdbc.setInstant(s, 6, r.at());
            Jdbc.setInstant(s, 7, r.at());
        }) == 1;
    }

    @Override
    public List<BotPayment> claimUnsettled(Instant createdBefore, Instant now, Instant nextCheck, int limit) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                Jdbc.setInstant(claim, 1, nextCheck);
                Jdbc.setInstant(claim, 2, createdBefore);
                Jdbc.setInstant(claim, 3, now);
                claim.setInt(4, limit);
                List<BotPayment> claimed = new ArrayList<>();
                try (ResultSet row = claim.executeQuery()) {
                    while (row.next()) claimed.add(payment(row));
                }
                return claimed;
            }
        });
    }

    private int update(String sql, Jdbc.Binder binder) {
        return Jdbc.update(dataSource, sql, binder);
    }

    private Optional<BotPayment> one(String sql, Jdbc.Binder binder) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                binder.bind(select);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(payment(row)) : Optional.empty();
                }
            }
        });
    }

    private static BotPayment payment(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        return new BotPayment(row.getString("payment_id"), row.getLong("chat_id"), row.getString("provider"),
                row.getString("pack_id"), row.getInt("quantity"), row.getInt("credits"),
                new Money(row.getBigDecimal("amount"), currency), PaymentStatus.ofCode(row.getString("status")),
                row.getString("idempotence_key"), row.getString("confirmation_url"), Jdbc.getInstant(row, "created_at"),
                Jdbc.getInstant(row, "updated_at"), Jdbc.getInstant(row, "succeeded_at"),
                row.getString("cancellation_reason"), new Money(row.getBigDecimal("refunded_amount"), currency),
                row.getInt("refunded_credits"), row.getInt("debt"));
    }
}
