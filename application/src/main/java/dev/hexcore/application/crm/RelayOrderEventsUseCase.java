package dev.hexcore.application.crm;

/** Moves committed {@code order_update} outbox jobs onto the order event bus. */
public interface RelayOrderEventsUseCase {
    /** Relays one due event; false when none was due. */
    boolean relayNext();
}
