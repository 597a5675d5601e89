package dev.hexcore.domain.crm;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Products of one shop with their components. */
public interface ProductRepository {
    void insert(Product product);

    /** Replaces the product's fields and its components. */
    void update(Product product);

    /** False if there was no such product; a product ordered before cannot be deleted (conflict). */
    boolean delete(UUID shopId, UUID id);

    Optional<Product> find(UUID shopId, UUID id);

    /** The products among {@code ids} that belong to the shop, with their components. */
    List<Product> findAll(UUID shopId, Collection<UUID> ids);

    /** By name then id; {@code search} matches name or description. */
    Slice<Product> list(UUID shopId, ListQuery query);
}
