package dev.hexcore.adapters.persistence.bot;

import dev.hexcore.adapters.persistence.shared.Jdbc;
import dev.hexcore.domain.bot.BotUsers;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;

/** {@link BotUsers}: each change one conditional statement, on the connection of the caller's transaction. */
@ApplicationScoped
public class PostgresBotUsers implements BotUsers {
    private static final String REGISTER = "insert into bot_users (chat_id, username, referred_by, advertising_source, "
            + "registered_at, last_activity_time) values (?, ?, ?, ?, ?, ?) on conflict (chat_id) do nothing";
    private static final String CLAIM_DAILY = "update bot_users set daily_bonus_day = ?, daily_bonus_streak = ?, "
            + "last_activity_time = ? where chat_id = ? and daily_bonus_day is not distinct from ?";
    private static final String RECORD_GENERATION = "update bot_users set generation_count = generation_count + 1, "
            + "last_generation_time = ?, first_generation_time = coalesce(first_generation_time, ?), "
            + "last_activity_time = ? where chat_id = ?";
    private static final String CLAIM_REFERRAL = "update bot_users set referral_bonus_claimed = true "
            + "where chat_id = ? and not referral_bonus_claimed";
    private static final String OFFER_DISCOUNT = "update bot_users set discount_offered = true where chat_id = ?";
    private static final String HAS_PURCHASED = "select exists (select 1 from bot_credit_entries "
            + "where chat_id = ? and reason = 'purchase')";

    private final AgroalDataSource dataSource;

    public PostgresBotUsers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public boolean register(NewBotUser user) {
        return update(REGISTER, statement -> {
            statement.setLong(1, user.chatId());
            statement.setString(2, user.username());
            if (user.referredBy() == null) statement.setNull(3, Types.BIGINT);
            else statement.setLong(3, user.referredBy());
            statement.setString(4, user.advertisingSource());
            Jdbc.setInstant(statement, 5, user.at());
            Jdbc.setInstant(statement, 6, user.at());
        }) == 1;
    }

    @Override
    public boolean claimDailyBonus(long chatId, LocalDate previousDay, LocalDate day, int streak, Instant at) {
        return update(CLAIM_DAILY, statement -> {
            statement.setObject(1, day);
            statement.setInt(2, streak);
            Jdbc.setInstant(statement, 3, at);
            statement.setLong(4, chatId);
            statement.setObject(5, previousDay, Types.DATE);
        }) == 1;
    }

    @Override
    public void recordGeneration(long chatId, Instant at) {
        update(RECORD_GENERATION, statement -> {
            Jdbc.setInstant(statement, 1, at);
            Jdbc.setInstant(statement, 2, at);
            Jdbc.setInstant(statement, 3, at);
            statement.setLong(4, chatId);
        });
    }

    @Override
    public boolean claimReferralBonus(long chatId) {
        return update(CLAIM_REFERRAL, statement -> statement.setLong(1, chatId)) == 1;
    }

    @Override
    public void offerDiscount(long chatId) {
        update(OFFER_DISCOUNT, statement -> statement.setLong(1, chatId));
    }

    @Override
    public boolean hasPurchased(long chatId) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (PreparedStatement select = connection.prepareStatement(HAS_PURCHASED)) {
                select.setLong(1, chatId);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() && row.getBoolean(1);
                }
            }
        });
    }

    private int update(String sql, Jdbc.Binder binder) {
        return Jdbc.update(dataSource, sql, binder);
    }
}
