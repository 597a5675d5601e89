package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.AccessToken;
import dev.hexcore.domain.identity.AccessTokenIssuer;
import dev.hexcore.domain.identity.Credentials;
import dev.hexcore.domain.identity.PasswordHasher;
import dev.hexcore.domain.identity.RefreshToken;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.Secrets;
import dev.hexcore.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** Registration, password login and the refresh-token lifecycle. */
public final class AuthService implements RegisterUserUseCase, LoginUseCase, RefreshTokensUseCase, LogoutUseCase,
        SessionIssuer {
    private static final int REFRESH_TOKEN_BYTES = 32;
    /** Hash of a random password: failed lookups still pay for one hash check, so timing does not reveal accounts. */
    private final String decoyHash;

    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final AccessTokenIssuer accessTokens;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;
    private final RandomGenerator secureRandom;
    private final AuthSettings settings;
    private final LoginThrottle throttle;

    public AuthService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                       AccessTokenIssuer accessTokens, RateLimiter limiter, UnitOfWork uow, Clock clock,
                       IdGenerator ids, RandomGenerator secureRandom, AuthSettings settings) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
        this.secureRandom = secureRandom;
        this.settings = settings;
        this.throttle = new LoginThrottle(limiter, settings);
        this.decoyHash = hasher.hash(Secrets.randomToken(secureRandom, 16));
    }

    @Override
    public User register(RegisterUserCommand command) {
        String username = Credentials.username(command.username());
        String email = Credentials.email(command.email());
        String hash = hasher.hash(Credentials.password(command.password()));
        return uow.inTransaction(() -> {
            if (users.existsByUsername(username)) throw new ConflictException("USERNAME_TAKEN", "Username is already taken");
            if (users.existsByEmail(email)) throw new ConflictException("EMAIL_TAKEN", "E-mail is already registered");
            User user = User.register(ids.next(), username, email, hash, Set.of(Role.USER), command.nativeLanguage(),
                    command.targetLanguage(), clock.instant());
            users.save(user);
            return user;
        });
    }

    @Override
    public TokenPair login(LoginCommand command) {
        String username = command.username() == null ? "" : command.username().trim();
        String password = command.password() == null ? "" : command.password();
        throttle.checkAllowed(username, command.clientAddress());
        Optional<User> found = uow.inTransaction(() -> username.contains("@")
                ? users.findByEmail(username) : users.findByUsername(username));
        boolean passwordOk = hasher.matches(password, found.map(User::passwordHash).orElse(decoyHash));
        if (found.isEmpty() || !passwordOk) {
            throttle.recordFailure(username, command.clientAddress());
            throw new AuthenticationException("INVALID_CREDENTIALS", "Incorrect username or password");
        }
        User user = found.get();
        if (!user.isActive()) throw new AuthenticationException("ACCOUNT_DISABLED", "This account is disabled");
        return startSession(user);
    }

    @Override
    public TokenPair refresh(String presented) {
        Rotation rotation = uow.inTransaction(() -> rotate(presented));
        if (rotation.failure() != null) throw rotation.failure();
        return rotation.tokens();
    }

    /** Runs in one transaction; a detected reuse revokes the family and commits before the caller is refused. */
    private Rotation rotate(String presented) {
        Instant now = clock.instant();
        Optional<RefreshToken> found = presented == null ? Optional.empty() : refreshTokens.findByHash(Sha256.hex(presented));
        if (found.isEmpty() || found.get().isRevoked() || found.get().isExpiredAt(now)) {
            return Rotation.refused(new AuthenticationException("INVALID_REFRESH_TOKEN", "Refresh token is invalid or expired"));
        }
        RefreshToken token = found.get();
        if (token.isConsumed() || !refreshTokens.consume(token.id(), now)) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return Rotation.refused(new AuthenticationException("REFRESH_TOKEN_REUSED",
                    "Refresh token was already used; the session has been revoked"));
        }
        Optional<User> user = users.findById(token.userId());
        if (user.isEmpty() || !user.get().isActive()) {
            refreshTokens.revokeFamily(token.familyId(), now);
            return Rotation.refused(new AuthenticationException("ACCOUNT_DISABLED", "This account is disabled"));
        }
        if (!user.get().access().acceptsTokenIssuedAt(token.createdAt())) {
            // issued before the account's last disable (which revokes them too): dead even though it is active again
            refreshTokens.revokeFamily(token.familyId(), now);
            return Rotation.refused(new AuthenticationException("INVALID_REFRESH_TOKEN", "Refresh token is invalid or expired"));
        }
        return Rotation.ok(issue(user.get(), token.familyId()));
    }

    /** For logins other than the password (Telegram OTP): a new session for an already authenticated user. */
    @Override
    public TokenPair startSession(User user) {
        return uow.inTransaction(() -> issue(user, ids.next()));
    }

    @Override
    public void logout(String presented) {
        if (presented == null || presented.isBlank()) return;
        uow.run(() -> refreshTokens.findByHash(Sha256.hex(presented))
                .ifPresent(token -> refreshTokens.revokeFamily(token.familyId(), clock.instant())));
    }

    private TokenPair issue(User user, UUID familyId) {
        Instant now = clock.instant();
        String refresh = Secrets.randomToken(secureRandom, REFRESH_TOKEN_BYTES);
        refreshTokens.save(RefreshToken.issue(ids.next(), user.id(), familyId, Sha256.hex(refresh), now,
                settings.refreshTokenTtl()));
        AccessToken access = accessTokens.issue(user, now);
        return new TokenPair(access.value(), refresh, access.expiresIn());
    }

    private record Rotation(TokenPair tokens, AuthenticationException failure) {
        static Rotation ok(TokenPair tokens) {
            return new Rotation(tokens, null);
        }

        static Rotation refused(AuthenticationException failure) {
            return new Rotation(null, failure);
        }
    }
}
