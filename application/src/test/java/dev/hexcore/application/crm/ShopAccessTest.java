package dev.hexcore.application.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.crm.fakes.InMemoryShopRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tenancy rule: staff in their own shop only, admins and crm keys in the shop they name, nobody else. */
class ShopAccessTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryShopRepository shops = new InMemoryShopRepository();
    private final ShopAccess access = new ShopAccess(shops);
    private final UUID shopA = shops.add();
    private final UUID shopB = shops.add();
    private final Actor managerOfA = shops.staff(shopA, Role.MANAGER);
    private final Actor floristOfA = shops.staff(shopA, Role.FLORIST);

    @Test
    void staffWorkInTheirOwnShopWithOrWithoutNamingIt() {
        assertThat(access.resolve(managerOfA, null).shopId()).isEqualTo(shopA);
        assertThat(access.resolve(managerOfA, shopA).shopId()).isEqualTo(shopA);
        assertThat(access.resolve(floristOfA, null).roles()).containsExactly(Role.FLORIST);
    }

    @Test
    void anotherShopDoesNotExistForStaff() {
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> access.resolve(managerOfA, shopB));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> access.resolvePath(managerOfA, shopB));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> access.resolve(managerOfA, UUID.randomUUID()));
    }

    @Test
    void adminsAndCrmKeysNameTheShopAndActAsAdmins() {
        Actor admin = Actor.user(UUID.randomUUID(), Set.of(Role.ADMIN));
        Actor key = Actor.apiKey(UUID.randomUUID(), Set.of("crm"));
        for (Actor actor : List.of(admin, key)) {
            assertThat(access.resolve(actor, shopB).shopId()).isEqualTo(shopB);
            assertThat(access.resolve(actor, shopB).roles()).containsExactly(Role.ADMIN);
            assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> access.resolve(actor, null))
                    .satisfies(e -> assertThat(e.errors().get(0).field()).isEqualTo("shop_id"));
            assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> access.resolve(actor, UUID.randomUUID()));
        }
    }

    @Test
    void usersOutsideAnyShopAndKeysWithoutTheScopeAreForbidden() {
        Actor outsider = Actor.user(UUID.randomUUID(), Set.of(Role.MANAGER));
        Actor profilesKey = Actor.apiKey(UUID.randomUUID(), Set.of("profiles:read"));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> access.resolve(outsider, null));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> access.resolve(profilesKey, shopA));
    }

    @Test
    void onlyManagersAndAdminsMayManage() {
        assertThat(access.managerOf(managerOfA, null)).isEqualTo(shopA);
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> access.managerOf(floristOfA, null));
    }

    /** Shops and staff in memory: enough of the port for the rule. */
}
