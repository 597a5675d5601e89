package dev.hexcore.adapters.rest.identity;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Seed 002's user shape plus roles, status, the linked Telegram id ({@code telegram_id}, null when none) and the IANA
 * {@code time_zone} whose calendar days the streak counts.
 */
@RegisterForReflection
public record UserResponse(String id, String username, String email, String nativeLanguage, String targetLanguage,
                           long xp, Map<String, String> languageLevels, List<String> interests, List<String> roles,
                           String status, Long telegramId, String timeZone, Instant createdAt, Instant updatedAt)
        implements CallerResponse {
    public static UserResponse from(User user) {
        return new UserResponse(user.id().toString(), user.username(), user.email(), user.nativeLanguage(),
                user.targetLanguage(), user.xp(), user.languageLevels(), user.interests(),
                user.roles().stream().map(Role::wireName).sorted().toList(),
                user.status().name().toLowerCase(java.util.Locale.ROOT), user.telegramId().orElse(null), user.timeZone().getId(),
                user.createdAt(),
                user.updatedAt());
    }
}
