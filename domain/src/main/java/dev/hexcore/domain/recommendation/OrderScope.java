package dev.hexcore.domain.recommendation;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose orders a recommendation is built from: the orders of the customers with this Telegram id, in one shop (what
 * that shop's manager sees) or in every shop ({@code shopId} null: what the person sees of themselves, and what the
 * nightly batch prepares). The scope is part of the cache key, so a manager never reads another shop's view.
 */
public record OrderScope(long telegramId, UUID shopId) {
    public static OrderScope everyShop(long telegramId) {
        return new OrderScope(telegramId, null);
    }

    public static OrderScope shop(long telegramId, UUID shopId) {
        return new OrderScope(telegramId, java.util.Objects.requireNonNull(shopId, "shopId"));
    }

    public Optional<UUID> shop() {
        return Optional.ofNullable(shopId);
    }

    /** {@code recommendations:user:<tgid>} for every shop (the seed's key, shared with the batch job), with
     * {@code :shop:<id>} appended for one shop. */
    public String cacheKey() {
        return "recommendations:user:" + telegramId + (shopId == null ? "" : ":shop:" + shopId);
    }
}
