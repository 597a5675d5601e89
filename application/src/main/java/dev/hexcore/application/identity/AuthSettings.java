package dev.hexcore.application.identity;

import dev.hexcore.domain.quota.RateLimitPolicy;
import java.time.Duration;

/**
 * @param refreshTokenTtl  lifetime of one refresh token (each rotation starts a new one)
 * @param accountFailures  how many failed logins one account may collect before it is throttled
 * @param addressFailures  the same for one client address
 */
public record AuthSettings(Duration refreshTokenTtl, RateLimitPolicy accountFailures, RateLimitPolicy addressFailures) {
    public static AuthSettings defaults() {
        return new AuthSettings(Duration.ofDays(30),
                new RateLimitPolicy("login-fail-account", 5, Duration.ofMinutes(15)),
                new RateLimitPolicy("login-fail-address", 20, Duration.ofMinutes(15)));
    }
}
