package dev.hexcore.domain.quota;

/**
 * Outcome of counting several requests at once ({@link RateLimiter#acquireUpTo}): {@code permits} requests were
 * counted (zero when refused, and for a peek), and {@code decision} describes the state after counting them.
 */
public record RateLimitGrant(RateLimitDecision decision, long permits) {
    public RateLimitGrant {
        if (permits < 0) throw new IllegalArgumentException("permits must not be negative");
        if (!decision.allowed() && permits > 0) throw new IllegalArgumentException("a refused grant holds no permits");
    }

    /** One request counted or refused, as {@link RateLimiter#acquire} decides it. */
    public static RateLimitGrant of(RateLimitDecision decision) {
        return new RateLimitGrant(decision, decision.allowed() ? 1 : 0);
    }
}
