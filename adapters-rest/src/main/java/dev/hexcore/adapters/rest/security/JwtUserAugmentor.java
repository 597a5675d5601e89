package dev.hexcore.adapters.rest.security;

import dev.hexcore.adapters.rest.shared.Unis;
import dev.hexcore.application.identity.AuthenticateCallerUseCase;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.UserAccess;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * After SmallRye JWT has checked signature, issuer and expiry: the account must still be active, the token must have
 * been issued after the account's last disable (enabling it again does not revive older tokens), and its current
 * roles (not the ones frozen in the token) apply. The lookup is cached for at most a second, so disabling a user or
 * changing roles takes effect within a second; a cached answer needs no thread switch.
 */
@ApplicationScoped
public class JwtUserAugmentor implements SecurityIdentityAugmentor {
    private final AuthenticateCallerUseCase access;

    public JwtUserAugmentor(AuthenticateCallerUseCase access) {
        this.access = access;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        UUID userId = parse(jwt.getSubject());
        Instant issuedAt = VerifiedTokens.issuedAt(jwt);   // VerifiedTokens refused tokens without one
        return Unis.of(() -> access.userAccess(userId)).map(found -> {
            UserAccess user = found.filter(account -> account.acceptsTokenIssuedAt(issuedAt))
                    .orElseThrow(() -> new AuthenticationFailedException(
                            "account unknown or disabled, or token issued before its last disable"));
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(jwt)
                    .addCredentials(identity.getCredentials())
                    .addRoles(user.roles().stream().map(Role::wireName).collect(Collectors.toSet()))
                    .addAttributes(identity.getAttributes())
                    .addAttribute(Actors.ATTRIBUTE, Actor.user(user))
                    .build();
        });
    }

    private static UUID parse(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (RuntimeException e) {
            throw new AuthenticationFailedException("token subject is not a user id");
        }
    }
}
