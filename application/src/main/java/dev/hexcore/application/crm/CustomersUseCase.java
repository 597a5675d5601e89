package dev.hexcore.application.crm;

import dev.hexcore.domain.crm.Customer;
import dev.hexcore.domain.crm.ListQuery;
import dev.hexcore.domain.crm.Slice;
import dev.hexcore.domain.identity.Actor;
import java.util.UUID;

/** A shop's customers: any of its staff read them, managers (and admins) change them. */
public interface CustomersUseCase {
    record CustomerCommand(String name, String phone, String email, Long telegramId, String notes) {
    }

    Customer create(Actor actor, UUID shopId, CustomerCommand command);

    Customer get(Actor actor, UUID shopId, UUID id);

    Slice<Customer> list(Actor actor, UUID shopId, ListQuery query);

    Customer update(Actor actor, UUID shopId, UUID id, CustomerCommand command);

    void delete(Actor actor, UUID shopId, UUID id);
}
