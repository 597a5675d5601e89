package dev.hexcore.adapters.rest.security;

import dev.hexcore.domain.identity.AccessToken;
import dev.hexcore.domain.identity.AccessTokenIssuer;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** RS256 access tokens signed with the key at {@code smallrye.jwt.sign.key.location}; subject is the user id. */
@ApplicationScoped
public class JwtAccessTokenIssuer implements AccessTokenIssuer {
    static final String TTL_PROPERTY = "hexcore.jwt.access-token-ttl";
    static final String DEFAULT_TTL = "PT15M";

    private final String issuer;
    private final Duration ttl;

    public JwtAccessTokenIssuer(@ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                                @ConfigProperty(name = TTL_PROPERTY, defaultValue = DEFAULT_TTL) Duration ttl) {
        this.issuer = issuer;
        this.ttl = ttl;
    }

    @Override
    public AccessToken issue(User user, Instant now) {
        String token = Jwt.issuer(issuer)
                .subject(user.id().toString())
                .groups(user.roles().stream().map(Role::wireName).collect(Collectors.toSet()))
                .claim("username", user.username())
                .issuedAt(now)
                .expiresAt(now.plus(ttl))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new AccessToken(token, ttl);
    }
}
