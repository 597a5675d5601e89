package dev.hexcore.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount with its ISO 4217 currency, kept to two decimals. Serialised as {"value":"490.00","currency":"RUB"}. */
public record Money(BigDecimal value, String currency) {
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(value, "value");
        if (currency == null || !CURRENCY.matcher(currency).matches()) throw new InvalidValueException("currency", "must be a 3-letter ISO code");
        value = value.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money rub(long rubles) {
        return new Money(BigDecimal.valueOf(rubles), "RUB");
    }
}
