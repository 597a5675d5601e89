package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where an order is in its life. Wire form is lower case ({@code in_production}). */
public enum OrderStatus {
    NEW, CONFIRMED, IN_PRODUCTION, READY, DELIVERING, DELIVERED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == DELIVERED || this == CANCELLED;
    }

    public static OrderStatus parse(String field, String value) {
        if (value != null) {
            for (OrderStatus status : values()) {
                if (status.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) return status;
            }
        }
        throw new InvalidValueException(field, "unknown status '" + value + "'; expected one of "
                + Arrays.stream(values()).map(OrderStatus::wireName).collect(Collectors.joining(", ")));
    }
}
