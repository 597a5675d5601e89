package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.PriceCalculation;
import dev.hexcore.domain.crm.Product;
import dev.hexcore.domain.crm.ProductComponent;
import dev.hexcore.domain.crm.ProductRepository;
import dev.hexcore.domain.crm.Shop;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.crm.WarehouseItem;
import dev.hexcore.domain.crm.WarehouseRepository;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The catalogue and its price calculator: the shop's staff read it, its managers (and admins) change it. */
public final class ProductService implements ProductsUseCase {
    private final ShopAccess access;
    private final ProductRepository products;
    private final WarehouseRepository warehouse;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public ProductService(ShopAccess access, ProductRepository products, WarehouseRepository warehouse,
                          UnitOfWork uow, Clock clock, IdGenerator ids) {
        this.access = access;
        this.products = products;
        this.warehouse = warehouse;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Product create(Actor actor, UUID shopId, ProductCommand c) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        Instant now = clock.instant();
        Product product = product(shop, ids.next(), c, now, now);
        uow.run(() -> {
            requireItems(shop.id(), product.components().stream().map(ProductComponent::warehouseItemId).toList());
            products.insert(product);
        });
        return product;
    }

    @Override
    public Product update(Actor actor, UUID shopId, UUID id, ProductCommand c) {
        Shop shop = access.shop(access.managerOf(actor, shopId));
        return uow.inTransaction(() -> {
            Product current = products.find(shop.id(), id).orElseThrow(() -> new NotFoundException("Product"));
            Product changed = product(shop, id, c, current.createdAt(), clock.instant());
            requireItems(shop.id(), changed.components().stream().map(ProductComponent::warehouseItemId).toList());
            products.update(changed);
            return changed;
        });
    }

    @Override
    public Product get(Actor actor, UUID shopId, UUID id) {
        return products.find(access.staffOf(actor, shopId), id).orElseThrow(() -> new NotFoundException("Product"));
    }

    @Override
    public Slice<Product> list(Actor actor, UUID shopId, ListQuery query) {
        return products.list(access.staffOf(actor, shopId), query);
    }

    @Override
    public void delete(Actor actor, UUID shopId, UUID id) {
        UUID shop = access.managerOf(actor, shopId);
        if (!uow.inTransaction(() -> products.delete(shop, id))) throw new NotFoundException("Product");
    }

    @Override
    public PriceCalculation calculate(Actor actor, UUID shopId, UUID id) {
        Shop shop = access.shop(access.staffOf(actor, shopId));
        Product product = products.find(shop.id(), id).orElseThrow(() -> new NotFoundException("Product"));
        Map<UUID, WarehouseItem> items = requireItems(shop.id(),
                product.components().stream().map(ProductComponent::warehouseItemId).toList());
        return PriceCalculation.of(shop, product.components(), items);
    }

    private static Product product(Shop shop, UUID id, ProductCommand c, Instant created, Instant now) {
        return new Product(id, shop.id(), c.name(), c.description(),
                shop.price("price", c.price()), c.active() == null || c.active(),
                c.components() == null ? List.of() : c.components(), c.imageUrls() == null ? List.of() : c.imageUrls(),
                created, now);
    }

    private Map<UUID, WarehouseItem> requireItems(UUID shopId, Collection<UUID> ids) {
        return WarehouseService.requireItems(warehouse, shopId, ids);
    }
}
