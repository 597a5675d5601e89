package dev.hexcore.application.identity;

import dev.hexcore.domain.quota.RateLimitPolicy;
import java.time.Duration;

/**
 * @param refreshTokenTtl         lifetime of one refresh token (each rotation starts a new one)
 * @param accountAddressFailures  how many failed logins one account may collect from one client address before that
 *                                address is throttled for that account (the account stays usable from elsewhere)
 * @param addressFailures         how many failed logins, whatever the account, one client address may collect before
 *                                it is throttled for every account
 */
public record AuthSettings(Duration refreshTokenTtl, RateLimitPolicy accountAddressFailures,
                           RateLimitPolicy addressFailures) {
    public static AuthSettings defaults() {
        return new AuthSettings(Duration.ofDays(30),
                new RateLimitPolicy("login-fail-account-address", 5, Duration.ofMinutes(15)),
                new RateLimitPolicy("login-fail-address", 20, Duration.ofMinutes(15)));
    }
}
