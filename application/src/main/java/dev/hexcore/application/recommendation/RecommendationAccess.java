package dev.hexcore.application.recommendation;

import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.recommendation.OrderScope;
import dev.hexcore.domain.shared.ForbiddenException;

/**
 * Who may see whose recommendations, and built from which orders (seed 000: "manager | self"):
 * <ul>
 *   <li>the person themselves (the caller's Telegram id is {@code tgid}): their orders in every shop;</li>
 *   <li>an admin, or an API key with scope {@code recommendations} (or {@code admin}): the person's orders in every
 *       shop;</li>
 *   <li>a manager on a shop's staff: the person's orders in that shop only;</li>
 *   <li>anyone else: 403, and the attempt is logged.</li>
 * </ul>
 */
public final class RecommendationAccess {
    private static final System.Logger LOG = System.getLogger(RecommendationAccess.class.getName());

    private final ShopRepository shops;

    public RecommendationAccess(ShopRepository shops) {
        this.shops = shops;
    }

    public OrderScope scopeOf(Actor actor, long telegramId) {
        if (actor.isTelegramUser(telegramId) || actor.isAdmin() || actor.scopes().contains(ApiKeyScope.RECOMMENDATIONS)) {
            return OrderScope.everyShop(telegramId);
        }
        if (actor.kind() == Actor.Kind.USER && actor.roles().contains(Role.MANAGER)) {
            var shop = shops.shopOf(actor.id());
            if (shop.isPresent()) return OrderScope.shop(telegramId, shop.get());
        }
        LOG.log(System.Logger.Level.WARNING, "Refused recommendations of telegram id {0} to {1} {2}",
                telegramId, actor.kind(), actor.id());
        throw new ForbiddenException("Only the person themselves, a manager or an admin may see these recommendations");
    }
}
