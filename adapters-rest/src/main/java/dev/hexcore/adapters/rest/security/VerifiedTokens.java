package dev.hexcore.adapters.rest.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens that passed verification once, so a client sending the same token again is not parsed and
 * RS256-verified again. Safe because:
 * <ul>
 * <li>the key is the whole compact token, signature included: an altered or forged token is another key, misses and
 * goes through full verification;</li>
 * <li>only what {@link Verifier} accepted goes in; a failure is never stored, so a bad token is checked (and refused)
 * every time and garbage cannot fill the cache;</li>
 * <li>an entry expires at the token's own {@code exp}, and every use compares {@code exp} with the clock as well, so a
 * late clean-up never lets a token through after it expired. Expiry is exact here: SmallRye's clock skew (60 s by
 * default) would otherwise accept a token for a while past {@code exp}, and our tokens come from this service, so
 * there is no foreign clock to forgive;</li>
 * <li>the size is bounded; Caffeine evicts the least useful entries first.</li>
 * </ul>
 * Signature, issuer and algorithm are static properties of the token string, checked at the first verification, and so
 * are the two rules on {@code iat} added here (a stolen signing key or a bug could otherwise mint tokens that outlive
 * what this service ever issues): {@code iat} must be present and at most {@code maxClockSkew} in the future (replicas'
 * clocks differ a little), and {@code exp - iat} must be positive and at most the configured access-token lifetime.
 */
final class VerifiedTokens {
    static final String METRIC_NAME = "hexcore.jwt.verified";

    /** The full verification (signature, algorithm, issuer, expiry): SmallRye's {@code JWTParser::parse}. */
    @FunctionalInterface
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private final Cache<String, JsonWebToken> cache;
    private final Verifier verifier;
    private final Clock clock;
    private final Duration maxLifetime;
    private final Duration maxClockSkew;

    /**
     * @param maxLifetime  the access-token lifetime this service issues; a token valid for longer is refused
     * @param maxClockSkew how far in the future an {@code iat} may lie
     */
    VerifiedTokens(Verifier verifier, Clock clock, long maxSize, Duration maxLifetime, Duration maxClockSkew) {
        this.verifier = verifier;
        this.clock = clock;
        this.maxLifetime = maxLifetime;
        this.maxClockSkew = maxClockSkew;
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfter(new UntilExp(clock)).recordStats().build();
    }

    /**
     * The verified token, from the cache or by verifying it now.
     *
     * @throws AuthenticationFailedException when it does not verify or has expired (the reason is not for the client)
     */
    JsonWebToken verified(String token) {
        JsonWebToken cached = cache.getIfPresent(token);
        if (cached != null) {
            if (!expired(cached)) return cached;
            cache.invalidate(token);
            throw new AuthenticationFailedException("access token expired");
        }
        JsonWebToken jwt;
        try {
            jwt = verifier.verify(token);
        } catch (ParseException e) {
            throw new AuthenticationFailedException(e);
        }
        if (expired(jwt)) throw new AuthenticationFailedException("access token expired");
        refuseImplausibleIssuedAt(jwt);
        cache.put(token, jwt);
        return jwt;
    }

    /** Publishes size, hits, misses and evictions as the {@code cache.*} meters tagged {@code cache=hexcore.jwt.verified}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, cache, METRIC_NAME);
    }

    /** Not cached when refused, like any other failure. */
    private void refuseImplausibleIssuedAt(JsonWebToken jwt) {
        Instant issuedAt = issuedAt(jwt);
        if (issuedAt.isAfter(clock.instant().plus(maxClockSkew))) {
            throw new AuthenticationFailedException("access token issued in the future");
        }
        Duration lifetime = Duration.between(issuedAt, expiry(jwt));
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(maxLifetime) > 0) {
            throw new AuthenticationFailedException("access token lifetime " + lifetime + " exceeds " + maxLifetime);
        }
    }

    /** The token's {@code iat}; a token without one is refused (fail closed). */
    static Instant issuedAt(JsonWebToken jwt) {
        if (!(jwt.getClaim(Claims.iat) instanceof Number seconds)) {
            throw new AuthenticationFailedException("access token has no iat");
        }
        return Instant.ofEpochSecond(seconds.longValue());
    }

    private boolean expired(JsonWebToken jwt) {
        return !clock.instant().isBefore(expiry(jwt));
    }

    /** A token without {@code exp} (SmallRye requires one anyway) counts as expired: fail closed. */
    private static Instant expiry(JsonWebToken jwt) {
        return jwt.getClaim(Claims.exp) instanceof Number seconds
                ? Instant.ofEpochSecond(seconds.longValue())
                : Instant.EPOCH;
    }

    /** Each entry lives until its token's {@code exp}, however often it is read. */
    private record UntilExp(Clock clock) implements Expiry<String, JsonWebToken> {
        @Override
        public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
            Duration left = Duration.between(clock.instant(), expiry(jwt));
            return left.isNegative() ? 0 : left.toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return expireAfterCreate(token, jwt, currentTime);
        }

        @Override
        public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
