package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A flower shop: the CRM's tenant. Every other CRM row belongs to exactly one shop. The shop sets the currency of its
 * money, its markup over component cost ({@code markup_percent}, 0 to 1000) and how prices are rounded (to the nearest
 * 1, 10 or 50 units of the currency, halves up).
 */
public record Shop(UUID id, String name, String address, String phone, String currency, BigDecimal markupPercent,
                   int priceRounding, Instant createdAt) {
    public static final Set<Integer> ROUNDINGS = Set.of(1, 10, 50);
    private static final BigDecimal MAX_MARKUP = BigDecimal.valueOf(1000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Shop {
        Objects.requireNonNull(id, "id");
        name = Texts.required("name", name, 200);
        address = Texts.optional("address", address, 500);
        phone = phone == null || phone.isBlank() ? null : Phones.e164("phone", phone);
        currency = new Money(BigDecimal.ZERO, currency == null ? "RUB" : currency).currency();
        if (markupPercent == null) markupPercent = BigDecimal.ZERO;
        if (markupPercent.signum() < 0 || markupPercent.compareTo(MAX_MARKUP) > 0) {
            throw new InvalidValueException("markup_percent", "must be between 0 and 1000");
        }
        if (markupPercent.scale() > 2) throw new InvalidValueException("markup_percent", "must have at most 2 decimals");
        if (!ROUNDINGS.contains(priceRounding)) throw new InvalidValueException("price_rounding", "must be 1, 10 or 50");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Cost plus the shop's markup, rounded by the shop's rule: the price the calculator suggests. */
    public Money priceFor(BigDecimal cost) {
        BigDecimal marked = cost.multiply(BigDecimal.ONE.add(markupPercent.divide(HUNDRED)));
        BigDecimal step = BigDecimal.valueOf(priceRounding);
        BigDecimal rounded = marked.divide(step, 0, RoundingMode.HALF_UP).multiply(step);
        return new Money(rounded, currency);
    }

    /** A computed amount in the shop's currency (rounded to the cent). */
    public Money money(BigDecimal value) {
        return new Money(value, currency);
    }

    /** An amount someone entered, in the shop's currency: required, not negative, at most 2 decimals (never rounded). */
    public Money price(String field, BigDecimal value) {
        return new Money(Quantities.amount(field, value), currency);
    }

    public Shop withSettings(String newName, String newAddress, String newPhone, BigDecimal newMarkup, Integer newRounding) {
        return new Shop(id, newName == null ? name : newName, newAddress == null ? address : newAddress,
                newPhone == null ? phone : newPhone, currency, newMarkup == null ? markupPercent : newMarkup,
                newRounding == null ? priceRounding : newRounding, createdAt);
    }
}
