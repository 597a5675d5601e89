package dev.hexcore.application.identity;

import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.shared.TooManyRequestsException;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts failed logins per (account, client address) pair and per client address; only failures count, so normal use
 * is never throttled. There is deliberately no limit per account alone: anyone could then lock a user out by failing
 * their login on purpose. Failures from one address block that account only from that address (and, past the
 * address limit, that address for every account), so the owner can still log in from anywhere else.
 */
final class LoginThrottle {
    private final RateLimiter limiter;
    private final RateLimitPolicy accountAddressPolicy;
    private final RateLimitPolicy addressPolicy;

    LoginThrottle(RateLimiter limiter, AuthSettings settings) {
        this.limiter = limiter;
        this.accountAddressPolicy = settings.accountAddressFailures();
        this.addressPolicy = settings.addressFailures();
    }

    /** Refuses the attempt when this address has used up its failures, for this account or for all of them. */
    void checkAllowed(String username, String address) {
        refuseIfSpent(limiter.peek(accountAddressKey(username, address), accountAddressPolicy).toCompletableFuture().join(),
                accountAddressPolicy);
        refuseIfSpent(limiter.peek(address, addressPolicy).toCompletableFuture().join(), addressPolicy);
    }

    private static void refuseIfSpent(RateLimitDecision decision, RateLimitPolicy policy) {
        if (decision.allowed()) return;
        Duration wait = decision.retryAfter();
        throw new TooManyRequestsException("LOGIN_THROTTLED",
                "Too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " seconds", policy.limit(), wait);
    }

    void recordFailure(String username, String address) {
        limiter.acquire(accountAddressKey(username, address), accountAddressPolicy).toCompletableFuture().join();
        limiter.acquire(address, addressPolicy).toCompletableFuture().join();
    }

    /** Usernames compare case-insensitively; a space cannot occur in an address, so the pair cannot be forged. */
    private static String accountAddressKey(String username, String address) {
        return address + " " + username.toLowerCase(Locale.ROOT);
    }
}
