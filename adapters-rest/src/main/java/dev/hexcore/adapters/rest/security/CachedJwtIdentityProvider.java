package dev.hexcore.adapters.rest.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.smallrye.jwt.runtime.auth.JsonWebTokenCredential;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Takes bearer JWTs before Quarkus's own {@code MpJwtValidator} (higher priority) and answers from
 * {@link VerifiedTokens}, so a token is parsed and RS256-verified once rather than on every request, and one whose
 * {@code iat} lies in the future or whose lifetime exceeds the configured access-token lifetime is refused. The identity is
 * built as {@code MpJwtValidator} builds it; {@link JwtUserAugmentor} still runs on every request, so the account's
 * status and roles are checked as before.
 */
@ApplicationScoped
public class CachedJwtIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {
    /** About 10 000 tokens of roughly 1 KB each: a few MB at most. */
    static final long MAX_TOKENS = 10_000;

    private final VerifiedTokens tokens;

    public CachedJwtIdentityProvider(JWTParser parser, Clock clock, MeterRegistry registry,
                                     @ConfigProperty(name = JwtAccessTokenIssuer.TTL_PROPERTY,
                                             defaultValue = JwtAccessTokenIssuer.DEFAULT_TTL) Duration accessTokenTtl,
                                     @ConfigProperty(name = "hexcore.jwt.max-clock-skew", defaultValue = "PT10S")
                                     Duration maxClockSkew) {
        this.tokens = new VerifiedTokens(parser::parse, clock, MAX_TOKENS, accessTokenTtl, maxClockSkew);
        tokens.bindTo(registry);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Ahead of {@code MpJwtValidator}, which keeps the default. */
    @Override
    public int priority() {
        return IdentityProvider.super.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        // like MpJwtValidator: only what the JWT mechanism sends; keys are local, so verifying needs no worker thread
        if (!(request.getToken() instanceof JsonWebTokenCredential)) return Uni.createFrom().nullItem();
        return Uni.createFrom().item(() -> identity(request, tokens.verified(request.getToken().getToken())));
    }

    private static SecurityIdentity identity(TokenAuthenticationRequest request, JsonWebToken jwt) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addCredential(request.getToken())
                .addRoles(jwt.getGroups())
                .addAttribute("quarkus.user", jwt);
        RoutingContext routingContext = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (routingContext != null) builder.addAttribute(RoutingContext.class.getName(), routingContext);
        return builder.build();
    }
}
