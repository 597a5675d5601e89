package dev.hexcore.application.identity;

import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.shared.TooManyRequestsException;
import java.time.Duration;
import java.util.Locale;

/** Counts failed logins per account and per client address; only failures count, so normal use is never throttled. */
final class LoginThrottle {
    private final RateLimiter limiter;
    private final RateLimitPolicy accountPolicy;
    private final RateLimitPolicy addressPolicy;

    LoginThrottle(RateLimiter limiter, AuthSettings settings) {
        this.limiter = limiter;
        this.accountPolicy = settings.accountFailures();
        this.addressPolicy = settings.addressFailures();
    }

    /** Refuses the attempt when the account or the address has used up its failures. */
    void checkAllowed(String username, String address) {
        refuseIfSpent(limiter.peek(accountKey(username), accountPolicy).toCompletableFuture().join(), accountPolicy);
        refuseIfSpent(limiter.peek(address, addressPolicy).toCompletableFuture().join(), addressPolicy);
    }

    private static void refuseIfSpent(RateLimitDecision decision, RateLimitPolicy policy) {
        if (decision.allowed()) return;
        Duration wait = decision.retryAfter();
        throw new TooManyRequestsException("LOGIN_THROTTLED",
                "Too many failed logins; try again in " + Math.max(1, wait.toSeconds()) + " seconds", policy.limit(), wait);
    }

    void recordFailure(String username, String address) {
        limiter.acquire(accountKey(username), accountPolicy).toCompletableFuture().join();
        limiter.acquire(address, addressPolicy).toCompletableFuture().join();
    }

    private static String accountKey(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
