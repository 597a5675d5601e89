package dev.hexcore.domain.bot;

import dev.hexcore.domain.shared.DomainException;

/** A spend larger than the balance. Mapped to 402. */
public class InsufficientCreditsException extends DomainException {
    public static final String CODE = "INSUFFICIENT_CREDITS";

    private final int balance;
    private final int needed;

    public InsufficientCreditsException(int balance, int needed) {
        super(CODE, "Not enough ozhivashki: " + needed + " needed, " + balance + " left");
        this.balance = balance;
        this.needed = needed;
    }

    public int balance() {
        return balance;
    }

    public int needed() {
        return needed;
    }
}
