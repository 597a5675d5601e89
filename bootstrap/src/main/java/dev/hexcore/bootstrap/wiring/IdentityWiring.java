package dev.hexcore.bootstrap.wiring;

import dev.hexcore.application.identity.ApiKeyService;
import dev.hexcore.application.identity.ApiKeysUseCase;
import dev.hexcore.application.identity.AuthService;
import dev.hexcore.application.identity.AuthSettings;
import dev.hexcore.application.identity.AuthenticateCallerUseCase;
import dev.hexcore.application.identity.CurrentUserUseCase;
import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.application.identity.LoginUseCase;
import dev.hexcore.application.identity.LogoutUseCase;
import dev.hexcore.application.identity.ManageUsersUseCase;
import dev.hexcore.application.identity.RefreshTokensUseCase;
import dev.hexcore.application.identity.RegisterUserUseCase;
import dev.hexcore.application.identity.SessionIssuer;
import dev.hexcore.application.identity.UserAccountService;
import dev.hexcore.domain.identity.AccessTokenIssuer;
import dev.hexcore.domain.identity.ApiKeyRepository;
import dev.hexcore.domain.identity.PasswordHasher;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Identity and access use cases, each exposed only as its use-case interfaces. */
public class IdentityWiring {
    @Produces
    @Singleton
    @Typed({RegisterUserUseCase.class, LoginUseCase.class, RefreshTokensUseCase.class, LogoutUseCase.class,
            SessionIssuer.class})
    AuthService auth(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                     AccessTokenIssuer accessTokens, RateLimiter limiter, UnitOfWork uow, Clock clock, IdGenerator ids,
                     RandomGenerator secureRandom,
                     @ConfigProperty(name = "hexcore.auth.refresh-token-ttl", defaultValue = "P30D") Duration refreshTtl,
                     @ConfigProperty(name = "hexcore.auth.max-failures-per-account-and-address", defaultValue = "5")
                     int perAccountAndAddress,
                     @ConfigProperty(name = "hexcore.auth.max-failures-per-address", defaultValue = "20") int perAddress,
                     @ConfigProperty(name = "hexcore.auth.failure-window", defaultValue = "PT15M") Duration window) {
        AuthSettings settings = new AuthSettings(refreshTtl,
                new RateLimitPolicy("login-fail-account-address", perAccountAndAddress, window),
                new RateLimitPolicy("login-fail-address", perAddress, window));
        return new AuthService(users, refreshTokens, hasher, accessTokens, limiter, uow, clock, ids, secureRandom, settings);
    }

    @Produces
    @Singleton
    @Typed({CurrentUserUseCase.class, ManageUsersUseCase.class, EnsureAdminUseCase.class})
    UserAccountService accounts(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                                UnitOfWork uow, Clock clock, IdGenerator ids) {
        return new UserAccountService(users, refreshTokens, hasher, uow, clock, ids);
    }

    @Produces
    @Singleton
    @Typed({ApiKeysUseCase.class, AuthenticateCallerUseCase.class})
    ApiKeyService apiKeys(ApiKeyRepository keys, UserRepository users, UnitOfWork uow, Clock clock, IdGenerator ids,
                          RandomGenerator secureRandom) {
        return new ApiKeyService(keys, users, uow, clock, ids, secureRandom);
    }
}
