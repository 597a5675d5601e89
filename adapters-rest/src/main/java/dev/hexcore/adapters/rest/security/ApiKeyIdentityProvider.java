package dev.hexcore.adapters.rest.security;

import dev.hexcore.application.identity.AuthenticateCallerUseCase;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKey;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import dev.hexcore.adapters.rest.shared.Unis;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Verifies API keys; the key's scopes become the identity's roles, so {@code @RolesAllowed} treats both alike. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    private final AuthenticateCallerUseCase callers;

    public ApiKeyIdentityProvider(AuthenticateCallerUseCase callers) {
        this.callers = callers;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // A cached key answers on this (I/O) thread; only a cache miss goes to the database, on a worker.
        return Unis.of(() -> callers.authenticate(request.secret()))
                .map(key -> key.map(ApiKeyIdentityProvider::identity)
                        .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired API key")));
    }

    private static SecurityIdentity identity(ApiKey key) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("apikey:" + key.id()))
                .addRoles(key.scopes())
                .addAttribute(Actors.ATTRIBUTE, Actor.apiKey(key.id(), key.scopes()));
        if (key.rateLimitPerMin() != null) builder.addAttribute(Actors.RATE_LIMIT_ATTRIBUTE, key.rateLimitPerMin());
        return builder.build();
    }
}
