package dev.hexcore.application.crm.fakes;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.StaffMember;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Shops and staff in maps, for the tests of the rules that ask which shop a user works in. */
public final class InMemoryShopRepository implements ShopRepository {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final Map<UUID, Shop> shops = new HashMap<>();
    private final Map<UUID, UUID> staff = new HashMap<>();

    public UUID add() {
        UUID id = UUID.randomUUID();
        insert(new Shop(id, "Shop", null, null, "RUB", BigDecimal.ZERO, 1, NOW));
        return id;
    }

    public Actor staff(UUID shopId, Role role) {
        UUID user = UUID.randomUUID();
        addStaff(shopId, user, NOW);
        return Actor.user(user, Set.of(role, Role.USER));
    }

    @Override
    public void insert(Shop shop) {
        shops.put(shop.id(), shop);
    }

    @Override
    public void update(Shop shop) {
        shops.put(shop.id(), shop);
    }

    @Override
    public Optional<Shop> find(UUID id) {
        return Optional.ofNullable(shops.get(id));
    }

    @Override
    public Slice<Shop> list(ListQuery query) {
        return new Slice<>(List.copyOf(shops.values()), 0, query.limit(), shops.size());
    }

    @Override
    public Optional<UUID> shopOf(UUID userId) {
        return Optional.ofNullable(staff.get(userId));
    }

    @Override
    public boolean addStaff(UUID shopId, UUID userId, Instant now) {
        return staff.putIfAbsent(userId, shopId) == null;
    }

    @Override
    public boolean removeStaff(UUID shopId, UUID userId) {
        return staff.remove(userId, shopId);
    }

    @Override
    public List<StaffMember> staff(UUID shopId) {
        return List.of();
    }
}
