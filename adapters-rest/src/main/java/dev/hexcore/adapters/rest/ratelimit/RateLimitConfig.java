package dev.hexcore.adapters.rest.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** {@code hexcore.rate-limit.*}: who gets how many requests per minute. */
@ConfigMapping(prefix = "hexcore.rate-limit")
public interface RateLimitConfig {
    @WithDefault("true")
    boolean enabled();

    /** Per API key or user, unless the key has its own rate_limit_per_min. */
    @WithDefault("100")
    int defaultPerMin();

    /** Per client address for calls without credentials. */
    @WithDefault("100")
    int anonymousPerMin();

    /** Per client address on the routes that take a password or a login code (login, register, Telegram OTP). */
    @WithDefault("10")
    int authPerMin();

    @WithDefault("/api/v1/auth/login,/api/v1/auth/register,/api/v1/auth/telegram/,/api/v1/telegram/")
    List<String> authPaths();

    /**
     * Routes that need no identity (refresh, logout): limited per address with the anonymous policy, and a stale
     * token sent along does not stand in the way.
     */
    @WithDefault("/api/v1/auth/refresh,/api/v1/auth/logout")
    List<String> credentialFreePaths();

    /** Path prefixes that are never limited. */
    @WithDefault("/api/v1/ping")
    List<String> exemptPaths();

    /** Per-route overrides: path prefix → requests per minute, counted separately per caller. */
    Map<String, Integer> routes();
}
