package dev.hexcore.domain.crm;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Shops and their staff. */
public interface ShopRepository {
    void insert(Shop shop);

    void update(Shop shop);

    Optional<Shop> find(UUID id);

    /** All shops, by name then id; {@code search} matches the name. */
    Slice<Shop> list(ListQuery query);

    /** The shop a user works in, if any. */
    Optional<UUID> shopOf(UUID userId);

    /** Adds the user to the shop's staff; false if the user already works in a shop (this one or another). */
    boolean addStaff(UUID shopId, UUID userId, java.time.Instant now);

    /** False if the user was not staff of this shop. */
    boolean removeStaff(UUID shopId, UUID userId);

    /** The shop's staff with their usernames and roles, by username. */
    List<StaffMember> staff(UUID shopId);
}
