package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The CRM's tenancy rule, in one place. Every CRM call works in one shop:
 *
 * <ul>
 *   <li>staff (a user in a shop's staff) always work in their own shop; naming another with {@code ?shop_id=} gives
 *       404, as if it did not exist;</li>
 *   <li>admins, and API keys with the {@code crm} or {@code admin} scope, belong to no shop and name one with
 *       {@code ?shop_id=} (required);</li>
 *   <li>anyone else (a user in no shop, a key without those scopes) is forbidden.</li>
 * </ul>
 */
public final class ShopAccess {
    /** The shop a call works in and the roles the caller acts with there. */
    public record InShop(UUID shopId, Actor actor, Set<Role> roles) {
        public boolean isManager() {
            return roles.contains(Role.ADMIN) || roles.contains(Role.MANAGER);
        }

        public void requireManager() {
            if (!isManager()) throw new ForbiddenException("Only a manager of the shop or an admin may do this");
        }
    }

    private final ShopRepository shops;

    public ShopAccess(ShopRepository shops) {
        this.shops = shops;
    }

    public static boolean isCrmAdmin(Actor actor) {
        return actor.isAdmin() || actor.scopes().contains(ApiKeyScope.CRM);
    }

    public InShop resolve(Actor actor, UUID requestedShop) {
        if (isCrmAdmin(actor)) {
            if (requestedShop == null) throw new InvalidValueException("shop_id", "admins choose the shop with ?shop_id=");
            if (shops.find(requestedShop).isEmpty()) throw new NotFoundException("Shop");
            return new InShop(requestedShop, actor, EnumSet.of(Role.ADMIN));
        }
        UUID own = ownShop(actor);
        if (requestedShop != null && !requestedShop.equals(own)) throw new NotFoundException("Shop");
        return new InShop(own, actor, staffRoles(actor));
    }

    /** The shop a call of any of its staff works in. */
    public UUID staffOf(Actor actor, UUID requestedShop) {
        return resolve(actor, requestedShop).shopId();
    }

    /** The shop a call works in, for what only its managers (and admins) may do. */
    public UUID managerOf(Actor actor, UUID requestedShop) {
        InShop in = resolve(actor, requestedShop);
        in.requireManager();
        return in.shopId();
    }

    public Shop shop(UUID shopId) {
        return shops.find(shopId).orElseThrow(() -> new NotFoundException("Shop"));
    }

    /** For routes naming a shop in the path: the shop, if the caller may see it; 404 otherwise. */
    public InShop resolvePath(Actor actor, UUID shopId) {
        if (isCrmAdmin(actor)) return resolve(actor, shopId);
        UUID own = ownShop(actor);
        if (!own.equals(shopId)) throw new NotFoundException("Shop");
        return new InShop(own, actor, staffRoles(actor));
    }

    private UUID ownShop(Actor actor) {
        if (actor.kind() != Actor.Kind.USER) throw new ForbiddenException("This API key lacks the 'crm' scope");
        return shops.shopOf(actor.id())
                .orElseThrow(() -> new ForbiddenException("You are not on the staff of any shop"));
    }

    private static Set<Role> staffRoles(Actor actor) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        actor.roles().stream().filter(dev.hexcore.domain.crm.StaffMember.STAFF_ROLES::contains).forEach(roles::add);
        return roles;
    }
}
