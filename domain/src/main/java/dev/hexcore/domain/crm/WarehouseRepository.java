package dev.hexcore.domain.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Warehouse items of one shop and the stock operations on them. The stock operations join the caller's unit of work
 * and are safe under concurrency: {@link #reserve} locks the rows it needs (in id order, so two reservations never
 * deadlock) and reserves all or nothing; consuming and releasing never take stock or reservations below zero (the
 * table's checks refuse it).
 */
public interface WarehouseRepository {
    void insert(WarehouseItem item);

    /** Changes name, unit, unit cost and minimum level; the quantities only change through stock operations. */
    void updateDetails(WarehouseItem item);

    Optional<WarehouseItem> find(UUID shopId, UUID id);

    /** The items among {@code ids} that belong to the shop. */
    List<WarehouseItem> findAll(UUID shopId, java.util.Collection<UUID> ids);

    /** By name then id; {@code search} matches the name. */
    Slice<WarehouseItem> list(UUID shopId, ListQuery query);

    /** Items whose free stock (on hand minus reserved) is at or under their minimum level, by name. */
    Slice<WarehouseItem> lowStock(UUID shopId, ListQuery query);

    /**
     * Reserves {@code needs} (item id → quantity) for the order, all or nothing, and records what was reserved for it.
     * Returns the shortages (and reserves nothing) when any item has too little free stock.
     */
    List<StockShortage> reserve(UUID shopId, UUID orderId, Map<UUID, BigDecimal> needs);

    /** Takes what the order reserved out of stock (delivered) and forgets the reservation. */
    void consume(UUID shopId, UUID orderId);

    /** Gives back what the order reserved (cancelled) and forgets the reservation. */
    void release(UUID shopId, UUID orderId);

    /** Adds received stock and moves the unit cost to the weighted average of old stock and the new lot. */
    void receive(UUID shopId, UUID itemId, BigDecimal quantity, BigDecimal unitCost);
}
