package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.Credentials;
import dev.hexcore.domain.identity.PasswordHasher;
import dev.hexcore.domain.identity.RefreshTokenRepository;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.TelegramIds;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A user's own account, and the administration of everyone's. */
public final class UserAccountService implements CurrentUserUseCase, ManageUsersUseCase, EnsureAdminUseCase {
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public UserAccountService(UserRepository users, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
                              UnitOfWork uow, Clock clock, IdGenerator ids) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    /** A single read needs no transaction: one query instead of begin, query and commit. */
    @Override
    public User get(UUID userId) {
        return load(userId);
    }

    @Override
    public CompletionStage<User> getRecent(UUID userId) {
        return users.findRecentAsync(userId).thenApply(found -> found.orElseThrow(() -> new NotFoundException("User")));
    }

    @Override
    public User update(UpdateProfileCommand command) {
        return uow.inTransaction(() -> {
            User user = load(command.userId());
            var now = clock.instant();
            if (command.username() != null && !command.username().equalsIgnoreCase(user.username())) {
                String username = Credentials.username(command.username());
                if (users.existsByUsername(username)) throw new ConflictException("USERNAME_TAKEN", "Username is already taken");
                user.rename(username, now);
            } else if (command.username() != null) {
                user.rename(command.username(), now);
            }
            if (command.email() != null && !Credentials.email(command.email()).equals(user.email())) {
                String email = Credentials.email(command.email());
                if (users.existsByEmail(email)) throw new ConflictException("EMAIL_TAKEN", "E-mail is already registered");
                user.changeEmail(email, now);
            }
            if (command.telegramId() != null) linkTelegram(user, command.telegramId());
            if (command.interests() != null) user.changeInterests(command.interests(), now);
            if (command.timeZone() != null) user.changeTimeZone(command.timeZone(), now);
            if (command.nativeLanguage() != null || command.targetLanguage() != null) {
                user.changeLanguages(
                        command.nativeLanguage() != null ? command.nativeLanguage() : user.nativeLanguage(),
                        command.targetLanguage() != null ? command.targetLanguage() : user.targetLanguage(), now);
            }
            users.save(user);
            return user;
        });
    }

    @Override
    public User changeLanguages(UUID userId, String nativeLanguage, String targetLanguage) {
        return modify(userId, user -> user.changeLanguages(nativeLanguage, targetLanguage, clock.instant()));
    }

    @Override
    public Page<User> list(Actor actor, PageRequest page) {
        requireAdmin(actor);
        return uow.inTransaction(() -> users.list(page));
    }

    @Override
    public User changeRoles(Actor actor, UUID userId, Set<Role> roles) {
        requireAdmin(actor);
        if (actor.isUser(userId) && !roles.contains(Role.ADMIN)) {
            throw new ConflictException("CANNOT_DEMOTE_SELF", "An admin cannot remove their own admin role");
        }
        return modify(userId, user -> user.assignRoles(roles, clock.instant()));
    }

    @Override
    public User disable(Actor actor, UUID userId) {
        requireAdmin(actor);
        if (actor.isUser(userId)) throw new ConflictException("CANNOT_DISABLE_SELF", "An admin cannot disable their own account");
        return modify(userId, user -> {
            user.disable(clock.instant());
            refreshTokens.revokeAllOfUser(userId, clock.instant());
        });
    }

    @Override
    public User enable(Actor actor, UUID userId) {
        requireAdmin(actor);
        return modify(userId, user -> user.enable(clock.instant()));
    }

    @Override
    public User linkTelegram(Actor actor, UUID userId, Long telegramId) {
        requireAdmin(actor);
        return modify(userId, user -> linkTelegram(user, telegramId));
    }

    /** Checked up front for a clear answer; the unique index still decides a race (the repository maps it to 409). */
    private void linkTelegram(User user, Long telegramId) {
        if (telegramId != null && users.findByTelegramId(TelegramIds.require(telegramId))
                .filter(owner -> !owner.id().equals(user.id())).isPresent()) {
            throw new ConflictException("TELEGRAM_ID_TAKEN", "This Telegram id is already linked to another account.");
        }
        user.linkTelegram(telegramId, clock.instant());
    }

    @Override
    public Result ensureAdmin(String username, String email, String password) {
        String name = Credentials.username(username);
        String plain = Credentials.password(password);
        String mail = Credentials.email(email);
        return uow.inTransaction(() -> {
            Optional<User> existing = users.findByUsername(name);
            if (existing.isPresent()) {
                User user = existing.get();
                if (user.hasRole(Role.ADMIN)) return new Result(user, Outcome.ALREADY_ADMIN);
                EnumSet<Role> roles = EnumSet.copyOf(user.roles());
                roles.add(Role.ADMIN);
                user.assignRoles(roles, clock.instant());
                users.save(user);
                return new Result(user, Outcome.PROMOTED);
            }
            if (users.existsByEmail(mail)) throw new ConflictException("EMAIL_TAKEN", "E-mail is already registered");
            User admin = User.register(ids.next(), name, mail, hasher.hash(plain), Set.of(Role.ADMIN), null, null,
                    clock.instant());
            users.save(admin);
            return new Result(admin, Outcome.CREATED);
        });
    }

    @Override
    public boolean anyAdminExists() {
        return uow.inTransaction(users::anyAdminExists);
    }

    private User modify(UUID userId, Consumer<User> change) {
        return uow.inTransaction(() -> {
            User user = load(userId);
            change.accept(user);
            users.save(user);
            return user;
        });
    }

    private User load(UUID userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) throw new ForbiddenException("Only an admin may manage users");
    }
}
