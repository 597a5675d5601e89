package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StaffMember;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

public final class ShopService implements ShopsUseCase {
    private final ShopRepository shops;
    private final UserRepository users;
    private final ShopAccess access;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public ShopService(ShopRepository shops, UserRepository users, ShopAccess access, UnitOfWork uow, Clock clock,
                       IdGenerator ids) {
        this.shops = shops;
        this.users = users;
        this.access = access;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Shop create(Actor actor, ShopCommand command) {
        requireAdmin(actor);
        Shop shop = new Shop(ids.next(), command.name(), command.address(), command.phone(), command.currency(),
                command.markupPercent(), command.priceRounding() == null ? 1 : command.priceRounding(), clock.instant());
        uow.run(() -> shops.insert(shop));
        return shop;
    }

    @Override
    public Shop get(Actor actor, UUID shopId) {
        access.resolvePath(actor, shopId);
        return shops.find(shopId).orElseThrow(() -> new NotFoundException("Shop"));
    }

    @Override
    public Slice<Shop> list(Actor actor, UUID requestedShop, ListQuery query) {
        if (ShopAccess.isCrmAdmin(actor)) return shops.list(query);
        ShopAccess.InShop own = access.resolve(actor, requestedShop);
        List<Shop> mine = shops.find(own.shopId()).stream().toList();
        return new Slice<>(query.skip() == 0 ? mine : List.of(), query.skip(), query.limit(), mine.size());
    }

    @Override
    public Shop update(Actor actor, UUID shopId, ShopCommand command) {
        access.resolvePath(actor, shopId).requireManager();
        return uow.inTransaction(() -> {
            Shop current = shops.find(shopId).orElseThrow(() -> new NotFoundException("Shop"));
            Shop changed = current.withSettings(command.name(), command.address(), command.phone(),
                    command.markupPercent(), command.priceRounding());
            shops.update(changed);
            return changed;
        });
    }

    @Override
    public List<StaffMember> staff(Actor actor, UUID shopId) {
        access.resolvePath(actor, shopId);
        return shops.staff(shopId);
    }

    @Override
    public List<StaffMember> addStaff(Actor actor, UUID shopId, UUID userId) {
        access.resolvePath(actor, shopId).requireManager();
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        StaffMember.checkEligible(user.roles());
        uow.run(() -> {
            if (!shops.addStaff(shopId, userId, clock.instant())) {
                throw new ConflictException("ALREADY_STAFF", "The user already works in a shop; remove them there first");
            }
        });
        return shops.staff(shopId);
    }

    @Override
    public void removeStaff(Actor actor, UUID shopId, UUID userId) {
        access.resolvePath(actor, shopId).requireManager();
        boolean removed = uow.inTransaction(() -> shops.removeStaff(shopId, userId));
        if (!removed) throw new NotFoundException("Staff member");
    }

    private static void requireAdmin(Actor actor) {
        if (!ShopAccess.isCrmAdmin(actor)) throw new ForbiddenException("Only an admin may create shops");
    }
}
