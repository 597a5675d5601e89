package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import java.math.BigDecimal;

/** Stock quantities: exact decimals kept with 3 places (stems, metres of ribbon, kilograms), never negative. */
public final class Quantities {
    public static final BigDecimal MAX = new BigDecimal("999999999.999");

    private Quantities() {
    }

    public static BigDecimal nonNegative(String field, BigDecimal value) {
        if (value == null) throw new InvalidValueException(field, "is required");
        if (value.signum() < 0) throw new InvalidValueException(field, "must be 0 or more");
        return bounded(field, value);
    }

    public static BigDecimal positive(String field, BigDecimal value) {
        if (value == null) throw new InvalidValueException(field, "is required");
        if (value.signum() <= 0) throw new InvalidValueException(field, "must be more than 0");
        return bounded(field, value);
    }

    /** Money amounts: 2 decimals at most, never negative. */
    public static BigDecimal amount(String field, BigDecimal value) {
        if (value == null) throw new InvalidValueException(field, "is required");
        if (value.signum() < 0) throw new InvalidValueException(field, "must be 0 or more");
        if (value.stripTrailingZeros().scale() > 2) throw new InvalidValueException(field, "must have at most 2 decimals");
        if (value.compareTo(new BigDecimal("9999999999.99")) > 0) throw new InvalidValueException(field, "is too large");
        return value;
    }

    private static BigDecimal bounded(String field, BigDecimal value) {
        if (value.stripTrailingZeros().scale() > 3) throw new InvalidValueException(field, "must have at most 3 decimals");
        if (value.compareTo(MAX) > 0) throw new InvalidValueException(field, "is too large");
        return value.setScale(3);   // exact: at most 3 decimals were checked; the scale the database keeps
    }
}
