package dev.hexcore.domain.recommendation;

import dev.hexcore.domain.shared.DomainException;

/** Too few orders in the window to say anything useful: {@code count} of the {@code minimum} needed. */
public class NotEnoughOrdersException extends DomainException {
    private final int count;
    private final int minimum;

    public NotEnoughOrdersException(int count, int minimum) {
        super("NOT_ENOUGH_ORDERS", "Recommendations need at least " + minimum + " orders in the last 30 days; found " + count);
        this.count = count;
        this.minimum = minimum;
    }

    public int count() {
        return count;
    }

    public int minimum() {
        return minimum;
    }
}
