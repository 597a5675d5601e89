package dev.hexcore.adapters.persistence.bot;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.bot.BotUser;
import dev.hexcore.domain.bot.BotUserReader;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * {@link BotUserReader} as one prepared statement through Agroal (ADR 0015); the user's payments come along as the
 * JSON object PostgreSQL builds ({@code {payment id: status}}, {@code {}} without any).
 */
@ApplicationScoped
public class PostgresBotUserReader implements BotUserReader {
    private static final String BY_CHAT_ID = "select u.*, coalesce((select jsonb_object_agg(p.payment_id, p.status) "
            + "from bot_payments p where p.chat_id = u.chat_id), '{}'::jsonb)::text as payments "
            + "from bot_users u where u.chat_id = ?";

    private final AgroalDataSource dataSource;

    public PostgresBotUserReader(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<BotUser> find(long chatId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(BY_CHAT_ID)) {
                select.setLong(1, chatId);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) return Optional.empty();
                    long referredBy = row.getLong("referred_by");
                    Long referrer = row.wasNull() ? null : referredBy;
                    Date bonusDay = row.getDate("daily_bonus_day");
                    return Optional.of(new BotUser(row.getLong("chat_id"), row.getString("username"),
                            row.getInt("ozhivashki"), row.getInt("generation_count"),
                            Jdbc.getInstant(row, "last_generation_time"), Jdbc.getInstant(row, "registered_at"),
                            referrer, row.getBoolean("referral_bonus_claimed"),
                            Jdbc.getInstant(row, "first_generation_time"),
                            bonusDay == null ? null : bonusDay.toLocalDate(), row.getInt("daily_bonus_streak"),
                            row.getBoolean("discount_offered"), Jdbc.getInstant(row, "last_activity_time"),
                            row.getString("advertising_source"), row.getString("payments")));
                }
            }
        });
    }
}
