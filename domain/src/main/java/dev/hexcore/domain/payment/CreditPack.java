package dev.hexcore.domain.payment;

import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A pack of ozhivashki for sale (seed 003's "Пакет '10 Оживашек'"): its stable {@code id} (sent to the provider as
 * metadata and stored with each payment), the {@code title} the bot shows and sends as {@code item_name}, the
 * ozhivashki it grants and its price.
 */
public record CreditPack(String id, String title, int credits, Money price) {
    private static final Pattern ID = Pattern.compile("[a-z0-9_-]{1,32}");

    public CreditPack {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a pack id is 1 to 32 of a-z, 0-9, '_' and '-': " + id);
        }
        if (title == null || title.isBlank() || title.length() > 128) {
            throw new IllegalArgumentException("pack " + id + " needs a title of 1 to 128 characters");
        }
        if (credits <= 0) throw new IllegalArgumentException("pack " + id + " must grant at least one ozhivashka");
        Objects.requireNonNull(price, "price");
        if (price.value().signum() <= 0) throw new IllegalArgumentException("pack " + id + " must cost more than zero");
    }

    /** What {@code quantity} packs cost, exactly. */
    public Money priceOf(int quantity) {
        return new Money(price.value().multiply(BigDecimal.valueOf(quantity)), price.currency());
    }
}
