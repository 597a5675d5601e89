package dev.hexcore.adapters.persistence.bot;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The ledger on PostgreSQL. A change is one statement: a conditional update of the user's balance
 * ({@code ozhivashki + amount >= 0}) and, only if it matched, the insert of the entry with the new balance. Concurrent
 * spends queue on the user's row lock and each sees the balance the previous one left (PostgreSQL re-checks the
 * condition on the latest row version), so the balance never goes negative. A key already applied is answered from
 * its entry before anything moves; the unique key catches the same key arriving twice at once.
 */
@ApplicationScoped
public class PostgresCreditLedger implements CreditLedger {
    private static final String COLUMNS = "id, chat_id, amount, reason, idempotency_key, balance_after, created_at";
    private static final String BY_KEY = "select " + COLUMNS + " from bot_credit_entries where chat_id = ? and idempotency_key = ?";
    private static final String APPLY = "with moved as (update bot_users set ozhivashki = ozhivashki + ? "
            + "where chat_id = ? and ozhivashki + ? >= 0 returning ozhivashki) "
            + "insert into bot_credit_entries (chat_id, amount, reason, idempotency_key, balance_after, created_at) "
            + "select ?, ?, ?, ?, ozhivashki, ? from moved returning " + COLUMNS;
    private static final String BALANCE = "select ozhivashki from bot_users where chat_id = ?";
    private static final String PAGE = ChatPages.sql("bot_credit_entries", COLUMNS, "id desc");
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;

    public PostgresCreditLedger(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public CreditEntry apply(CreditChange change) {
        return Jdbc.withConnection(dataSource, connection -> {
            Optional<CreditEntry> earlier = byKey(connection, change.chatId(), change.idempotencyKey());
            if (earlier.isPresent()) return earlier.get();
            try (PreparedStatement apply = connection.prepareStatement(APPLY)) {
                apply.setInt(1, change.amount());
                apply.setLong(2, change.chatId());
                apply.setInt(3, change.amount());
                apply.setLong(4, change.chatId());
                apply.setInt(5, change.amount());
                apply.setString(6, change.reason().code());
                apply.setString(7, change.idempotencyKey());
                Jdbc.setInstant(apply, 8, change.at());
                try (ResultSet row = apply.executeQuery()) {
                    if (row.next()) return entry(row);
                }
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw new ConflictException("CREDIT_CHANGE_IN_PROGRESS",
                            "The same credit change is being applied by another request");
                }
                throw e;
            }
            throw refusal(connection, change);
        });
    }

    @Override
    public Page<CreditEntry> entries(long chatId, PageRequest page) {
        return ChatPages.read(dataSource, PAGE, chatId, page, PostgresCreditLedger::entry);
    }

    private static Optional<CreditEntry> byKey(Connection connection, long chatId, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BY_KEY)) {
            select.setLong(1, chatId);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(entry(row)) : Optional.empty();
            }
        }
    }

    /** Why nothing moved: no such user, or a spend larger than the balance. */
    private static RuntimeException refusal(Connection connection, CreditChange change) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(BALANCE)) {
            select.setLong(1, change.chatId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) return new NotFoundException("Bot user " + change.chatId());
                return new InsufficientCreditsException(row.getInt(1), -change.amount());
            }
        }
    }

    private static CreditEntry entry(ResultSet row) throws SQLException {
        return new CreditEntry(row.getLong("id"), row.getLong("chat_id"), row.getInt("amount"),
                CreditReason.ofCode(row.getString("reason")), row.getString("idempotency_key"),
                row.getInt("balance_after"), Jdbc.getInstant(row, "created_at"));
    }
}
