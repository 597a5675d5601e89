package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserAccess;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link UserRepository} on a map, with the PostgreSQL adapter's semantics: usernames match case-insensitively,
 * e-mails are stored lower case, a duplicate on save is a ConflictException, and every read hands out a fresh copy
 * (changes are only seen once saved).
 */
public final class InMemoryUserRepository implements UserRepository, FakeUnitOfWork.Participant {
    private final Map<UUID, User> rows = new LinkedHashMap<>();
    private final FakeUnitOfWork uow;

    public InMemoryUserRepository(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(this);
    }

    @Override
    public Optional<User> findById(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(InMemoryUserRepository::copy);
    }

    @Override
    public Optional<User> findByUsername(String username) {
        return rows.values().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst()
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public Optional<User> findByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return rows.values().stream().filter(u -> u.email().equals(lower)).findFirst().map(InMemoryUserRepository::copy);
    }

    @Override
    public Optional<User> findByTelegramId(long telegramId) {
        return rows.values().stream().filter(u -> u.telegramId().equals(Optional.of(telegramId))).findFirst()
                .map(InMemoryUserRepository::copy);
    }

    @Override
    public boolean existsByUsername(String username) {
        return rows.values().stream().anyMatch(u -> u.username().equalsIgnoreCase(username));
    }

    @Override
    public boolean existsByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return rows.values().stream().anyMatch(u -> u.email().equals(lower));
    }

    @Override
    public void save(User user) {
        uow.requireActive();
        for (User other : rows.values()) {
            if (other.id().equals(user.id())) continue;
            if (other.username().equalsIgnoreCase(user.username())) {
                throw new ConflictException("USERNAME_TAKEN", "This username is already taken.");
            }
            if (other.email().equalsIgnoreCase(user.email())) {
                throw new ConflictException("EMAIL_TAKEN", "This e-mail address is already registered.");
            }
            if (user.telegramId().isPresent() && other.telegramId().equals(user.telegramId())) {
                throw new ConflictException("TELEGRAM_ID_TAKEN", "This Telegram id is already linked to another account.");
            }
        }
        rows.put(user.id(), copy(user));
    }

    @Override
    public boolean anyAdminExists() {
        return rows.values().stream().anyMatch(u -> u.hasRole(Role.ADMIN));
    }

    @Override
    public Page<User> list(PageRequest page) {
        List<User> sorted = rows.values().stream()
                .sorted(Comparator.comparing(User::createdAt).thenComparing(User::id).reversed())
                .toList();
        List<User> items = sorted.stream().skip(page.offset()).limit(page.limit())
                .map(InMemoryUserRepository::copy).toList();
        return new Page<>(items, page.page(), page.limit(), sorted.size());
    }

    @Override
    public Optional<UserAccess> findAccess(UUID id) {
        return Optional.ofNullable(rows.get(id)).map(User::access);
    }

    public int count() {
        return rows.size();
    }

    @Override
    public Runnable snapshot() {
        Map<UUID, User> saved = new LinkedHashMap<>(rows);
        return () -> {
            rows.clear();
            rows.putAll(saved);
        };
    }

    private static User copy(User u) {
        return User.restore(u.id(), u.username(), u.email(), u.passwordHash(), u.roles(), u.status(),
                u.nativeLanguage(), u.targetLanguage(), u.xp(), u.languageLevels(), u.interests(), u.createdAt(),
                u.updatedAt(), u.tokensValidAfter(), u.telegramId().orElse(null), u.timeZone());
    }
}
