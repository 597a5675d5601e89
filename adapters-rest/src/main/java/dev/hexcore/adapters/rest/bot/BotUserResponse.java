package dev.hexcore.adapters.rest.bot;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.hexcore.application.bot.BotUserProfile;
import dev.hexcore.domain.bot.BotUser;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Seed 003's user, field for field. {@code yookassa_payments} ({payment id: status}) is the JSON object PostgreSQL
 * built from the payments table, written out as it is (ADR 0015).
 */
@RegisterForReflection
public record BotUserResponse(long chatId, String username, int ozhivashki, int generationCount,
                              Instant lastGenerationTime, Instant registeredAt, String referralCode, Long referredBy,
                              boolean referralBonusClaimed, Instant firstGenerationTime, boolean dailyBonusClaimedToday,
                              int dailyBonusStreak, boolean discountOffered, Instant lastActivityTime,
                              String advertisingSource,
                              @Schema(implementation = Map.class, description = "payment id → status")
                              Object yookassaPayments) {
    static BotUserResponse from(BotUserProfile profile) {
        BotUser u = profile.user();
        return new BotUserResponse(u.chatId(), u.username(), u.ozhivashki(), u.generationCount(), u.lastGenerationTime(),
                u.registeredAt(), u.referralCode(), u.referredBy(), u.referralBonusClaimed(), u.firstGenerationTime(),
                profile.dailyBonusClaimedToday(), profile.dailyBonusStreak(), u.discountOffered(), u.lastActivityTime(),
                u.advertisingSource(), new RawValue(u.paymentsJson()));
    }
}
