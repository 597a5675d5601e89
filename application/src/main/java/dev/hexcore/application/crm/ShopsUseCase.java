package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StaffMember;
import dev.hexcore.domain.identity.Actor;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** Shops (admins create them and see all; staff see their own) and their staff (admins and the shop's managers). */
public interface ShopsUseCase {
    record ShopCommand(String name, String address, String phone, String currency, BigDecimal markupPercent,
                       Integer priceRounding) {
    }

    Shop create(Actor actor, ShopCommand command);

    Shop get(Actor actor, UUID shopId);

    /** Admins: every shop ({@code requestedShop} ignored). Staff: their own shop; naming another is 404. */
    Slice<Shop> list(Actor actor, UUID requestedShop, ListQuery query);

    /** Changes what the command gives (nulls keep the current value); the currency never changes. */
    Shop update(Actor actor, UUID shopId, ShopCommand command);

    List<StaffMember> staff(Actor actor, UUID shopId);

    List<StaffMember> addStaff(Actor actor, UUID shopId, UUID userId);

    void removeStaff(Actor actor, UUID shopId, UUID userId);
}
