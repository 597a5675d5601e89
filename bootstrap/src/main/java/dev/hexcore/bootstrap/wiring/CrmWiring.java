package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.crm.CustomerService;
import dev.hexcore.application.crm.CustomersUseCase;
import dev.hexcore.application.crm.OrderService;
import dev.hexcore.application.crm.OrdersUseCase;
import dev.hexcore.application.crm.ProductService;
import dev.hexcore.application.crm.ProductionTasksUseCase;
import dev.hexcore.application.crm.ProductsUseCase;
import dev.hexcore.application.crm.ShopAccess;
import dev.hexcore.application.crm.ShopService;
import dev.hexcore.application.crm.ShopsUseCase;
import dev.hexcore.application.crm.SuppliesUseCase;
import dev.hexcore.application.crm.SupplyService;
import dev.hexcore.application.crm.WarehouseService;
import dev.hexcore.application.crm.WarehouseUseCase;
import dev.hexcore.domain.crm.CustomerRepository;
import dev.hexcore.domain.crm.OrderRepository;
import dev.hexcore.domain.crm.ProductRepository;
import dev.hexcore.domain.crm.ProductionTaskRepository;
import dev.hexcore.domain.crm.ShopRepository;
import dev.hexcore.domain.crm.SupplyRepository;
import dev.hexcore.domain.crm.WarehouseRepository;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.JobQueue;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The flower-shop CRM (seed 004): shops, customers, warehouse, products, supplies, orders, production tasks. */
public class CrmWiring {
    @Produces
    @Singleton
    ShopAccess shopAccess(ShopRepository shops) {
        return new ShopAccess(shops);
    }

    @Produces
    @Singleton
    @Typed(ShopsUseCase.class)
    ShopService shops(ShopRepository shops, UserRepository users, ShopAccess access, UnitOfWork uow, Clock clock,
                      IdGenerator ids) {
        return new ShopService(shops, users, access, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed(CustomersUseCase.class)
    CustomerService customers(ShopAccess access, CustomerRepository customers, UnitOfWork uow, Clock clock, IdGenerator ids) {
        return new CustomerService(access, customers, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed(WarehouseUseCase.class)
    WarehouseService warehouse(ShopAccess access, WarehouseRepository warehouse, UnitOfWork uow, Clock clock, IdGenerator ids) {
        return new WarehouseService(access, warehouse, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed(ProductsUseCase.class)
    ProductService products(ShopAccess access, ProductRepository products, WarehouseRepository warehouse, UnitOfWork uow,
                            Clock clock, IdGenerator ids) {
        return new ProductService(access, products, warehouse, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed(SuppliesUseCase.class)
    SupplyService supplies(ShopAccess access, SupplyRepository supplies, WarehouseRepository warehouse, UnitOfWork uow,
                           Clock clock, IdGenerator ids) {
        return new SupplyService(access, supplies, warehouse, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed({OrdersUseCase.class, ProductionTasksUseCase.class})
    OrderService orders(ShopAccess access, ShopRepository shops, OrderRepository orders, CustomerRepository customers,
                        ProductRepository products, WarehouseRepository warehouse, ProductionTaskRepository tasks,
                        JobQueue jobs, UnitOfWork uow, Clock clock, IdGenerator ids) {
        return new OrderService(access, shops, orders, customers, products, warehouse, tasks, jobs, uow, clock, ids);
    }
}
