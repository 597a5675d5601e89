package dev.hexcore.domain.crm;

import java.util.Optional;
import java.util.UUID;

/**
 * Customers of one shop; every call names the shop, so another shop's customer is simply not found. Inserting or
 * updating with a phone or Telegram id already used in the shop throws a {@code ConflictException}.
 */
public interface CustomerRepository {
    void insert(Customer customer);

    void update(Customer customer);

    /** False if there was no such customer in the shop; a customer with orders cannot be deleted (conflict). */
    boolean delete(UUID shopId, UUID id);

    Optional<Customer> find(UUID shopId, UUID id);

    /** Newest first; {@code search} matches name or phone. */
    Slice<Customer> list(UUID shopId, ListQuery query);
}
