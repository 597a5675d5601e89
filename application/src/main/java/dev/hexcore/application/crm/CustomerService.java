package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.CustomerRepository;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** A shop's customers: its staff read them, its managers (and admins) change them. */
public final class CustomerService implements CustomersUseCase {
    private final ShopAccess access;
    private final CustomerRepository customers;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public CustomerService(ShopAccess access, CustomerRepository customers, UnitOfWork uow, Clock clock,
                           IdGenerator ids) {
        this.access = access;
        this.customers = customers;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public Customer create(Actor actor, UUID shopId, CustomerCommand c) {
        UUID shop = access.managerOf(actor, shopId);
        Instant now = clock.instant();
        Customer customer = new Customer(ids.next(), shop, c.name(), c.phone(), c.email(), c.telegramId(), c.notes(), now, now);
        uow.run(() -> customers.insert(customer));
        return customer;
    }

    @Override
    public Customer get(Actor actor, UUID shopId, UUID id) {
        return customers.find(access.staffOf(actor, shopId), id).orElseThrow(() -> new NotFoundException("Customer"));
    }

    @Override
    public Slice<Customer> list(Actor actor, UUID shopId, ListQuery query) {
        return customers.list(access.staffOf(actor, shopId), query);
    }

    @Override
    public Customer update(Actor actor, UUID shopId, UUID id, CustomerCommand c) {
        UUID shop = access.managerOf(actor, shopId);
        return uow.inTransaction(() -> {
            Customer current = customers.find(shop, id).orElseThrow(() -> new NotFoundException("Customer"));
            Customer changed = current.withDetails(c.name(), c.phone(), c.email(), c.telegramId(), c.notes(), clock.instant());
            customers.update(changed);
            return changed;
        });
    }

    @Override
    public void delete(Actor actor, UUID shopId, UUID id) {
        UUID shop = access.managerOf(actor, shopId);
        if (!uow.inTransaction(() -> customers.delete(shop, id))) throw new NotFoundException("Customer");
    }
}
