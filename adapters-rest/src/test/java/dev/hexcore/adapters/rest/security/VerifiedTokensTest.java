package dev.hexcore.adapters.rest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.domain.testing.MutableClock;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String GOOD = "header.payload.signature";

    private static final Duration TTL = Duration.ofMinutes(15);
    private static final Duration SKEW = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(NOW);
    private final List<String> verified = new ArrayList<>();
    private Instant iat = NOW;
    private Instant exp = NOW.plusSeconds(60);
    private final VerifiedTokens tokens = new VerifiedTokens(this::verify, clock, 100, TTL, SKEW);

    /** A stand-in for SmallRye: only {@link #GOOD} verifies, and each call is counted. */
    private JsonWebToken verify(String token) throws ParseException {
        verified.add(token);
        if (!token.equals(GOOD)) throw new ParseException("signature does not verify");
        return new Token(iat.getEpochSecond(), exp.getEpochSecond());
    }

    @Test
    void aTokenIsVerifiedOnceAndThenServedFromTheCache() {
        JsonWebToken first = tokens.verified(GOOD);
        JsonWebToken second = tokens.verified(GOOD);

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly(GOOD);
    }

    @Test
    void aFailureIsNeverCachedSoABadTokenIsCheckedAndRefusedEveryTime() {
        String altered = GOOD + "x";
        tokens.verified(GOOD);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.verified(altered)).isInstanceOf(AuthenticationFailedException.class)
                    .hasCauseInstanceOf(ParseException.class);
        }
        assertThat(verified).containsExactly(GOOD, altered, altered, altered);
    }

    @Test
    void aCachedTokenIsRefusedFromItsExpOnEvenBeforeTheCacheDropsIt() {
        tokens.verified(GOOD);
        clock.set(exp.minusMillis(1));
        assertThat(tokens.verified(GOOD)).isNotNull();

        clock.set(exp);
        assertThatThrownBy(() -> tokens.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(verified).containsExactly(GOOD);
    }

    @Test
    void aTokenTheVerifierAcceptsWithinItsClockSkewIsRefusedAndNotCachedOnceExpired() {
        exp = NOW.minusSeconds(30);   // SmallRye allows 60 s of skew by default

        assertThatThrownBy(() -> tokens.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> tokens.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(verified).containsExactly(GOOD, GOOD);
    }

    @Test
    void aTokenWithoutExpCountsAsExpired() {
        VerifiedTokens noExp = new VerifiedTokens(token -> new Token(NOW.getEpochSecond(), null), clock, 100, TTL, SKEW);
        assertThatThrownBy(() -> noExp.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aTokenIssuedWithinTheClockSkewIsAcceptedAndOneIssuedFurtherInTheFutureIsRefused() {
        iat = NOW.plus(SKEW);
        exp = iat.plusSeconds(60);
        assertThat(tokens.verified(GOOD)).isNotNull();

        VerifiedTokens fresh = new VerifiedTokens(this::verify, clock, 100, TTL, SKEW);
        iat = NOW.plus(SKEW).plusSeconds(1);
        exp = iat.plusSeconds(60);
        assertThatThrownBy(() -> fresh.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("future");
        assertThatThrownBy(() -> fresh.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(verified).as("a refusal is not cached").containsExactly(GOOD, GOOD, GOOD);
    }

    @Test
    void aTokenValidForExactlyTheConfiguredLifetimeIsAcceptedAndALongerOneIsRefused() {
        exp = iat.plus(TTL);
        assertThat(tokens.verified(GOOD)).isNotNull();

        VerifiedTokens fresh = new VerifiedTokens(this::verify, clock, 100, TTL, SKEW);
        exp = iat.plus(TTL).plusSeconds(1);
        assertThatThrownBy(() -> fresh.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("lifetime");
    }

    @Test
    void aTokenIssuedLongAgoWithAFarExpIsRefusedEvenThoughItHasNotExpired() {
        iat = NOW.minus(Duration.ofDays(1));
        exp = NOW.plusSeconds(60);
        assertThatThrownBy(() -> tokens.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aTokenWithoutIatOrWithExpNotAfterIatIsRefused() {
        VerifiedTokens noIat = new VerifiedTokens(token -> new Token(null, exp.getEpochSecond()), clock, 100, TTL, SKEW);
        assertThatThrownBy(() -> noIat.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageContaining("iat");

        iat = NOW.plusSeconds(5);
        exp = NOW.plusSeconds(5);
        assertThatThrownBy(() -> tokens.verified(GOOD)).isInstanceOf(AuthenticationFailedException.class);
    }

    private record Token(Long iat, Long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "user";
        }

        @Override
        public Set<String> getClaimNames() {
            Set<String> names = new HashSet<>();
            if (iat != null) names.add("iat");
            if (exp != null) names.add("exp");
            return names;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return switch (claimName) {
                case "iat" -> (T) iat;
                case "exp" -> (T) exp;
                default -> null;
            };
        }
    }
}
