package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A person's account: credentials, roles, status and the learner profile of seed 002. */
public final class User {
    public static final String DEFAULT_NATIVE_LANGUAGE = "Russian";
    public static final String DEFAULT_TARGET_LANGUAGE = "Kazakh";
    /** Seed 002's default; the streak and the daily new-word limit count calendar days in the user's zone. */
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Europe/Moscow");
    private static final int MAX_INTERESTS = 20;

    private final UUID id;
    private String username;
    private String email;
    private String passwordHash;
    private EnumSet<Role> roles;
    private UserStatus status;
    private String nativeLanguage;
    private String targetLanguage;
    private long xp;
    private Map<String, String> languageLevels;
    private List<String> interests;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant tokensValidAfter;
    private Long telegramId;
    private ZoneId timeZone;

    private User(UUID id, String username, String email, String passwordHash, Set<Role> roles, UserStatus status,
                 String nativeLanguage, String targetLanguage, long xp, Map<String, String> languageLevels,
                 List<String> interests, Instant createdAt, Instant updatedAt, Instant tokensValidAfter, Long telegramId,
                 ZoneId timeZone) {
        this.id = id;
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.status = status;
        this.nativeLanguage = nativeLanguage;
        this.targetLanguage = targetLanguage;
        this.xp = xp;
        this.languageLevels = new LinkedHashMap<>(languageLevels);
        this.interests = List.copyOf(interests);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.tokensValidAfter = tokensValidAfter;
        this.telegramId = telegramId;
        this.timeZone = timeZone;
    }

    /** A new account. The password is already hashed; {@link Credentials} has checked the plain text. */
    public static User register(UUID id, String username, String email, String passwordHash, Set<Role> roles,
                                String nativeLanguage, String targetLanguage, Instant now) {
        if (roles.isEmpty()) throw new InvalidValueException("roles", "at least one role is required");
        return new User(id, Credentials.username(username), Credentials.email(email), passwordHash, roles,
                UserStatus.ACTIVE,
                nativeLanguage == null ? DEFAULT_NATIVE_LANGUAGE : Credentials.language("native_language", nativeLanguage),
                targetLanguage == null ? DEFAULT_TARGET_LANGUAGE : Credentials.language("target_language", targetLanguage),
                0, Map.of(), List.of(), now, now, null, null, DEFAULT_TIME_ZONE);
    }

    /** Reconstitution from storage: no rules are re-applied. */
    public static User restore(UUID id, String username, String email, String passwordHash, Set<Role> roles,
                               UserStatus status, String nativeLanguage, String targetLanguage, long xp,
                               Map<String, String> languageLevels, List<String> interests, Instant createdAt,
                               Instant updatedAt, Instant tokensValidAfter, Long telegramId, ZoneId timeZone) {
        return new User(id, username, email, passwordHash, roles, status, nativeLanguage, targetLanguage, xp,
                languageLevels, interests, createdAt, updatedAt, tokensValidAfter, telegramId, timeZone);
    }

    public boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    /** What authentication checks on every request: status, roles and which tokens still count. */
    public UserAccess access() {
        return new UserAccess(id, status, roles, tokensValidAfter, telegramId);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public void rename(String newUsername, Instant now) {
        this.username = Credentials.username(newUsername);
        this.updatedAt = now;
    }

    public void changeEmail(String newEmail, Instant now) {
        this.email = Credentials.email(newEmail);
        this.updatedAt = now;
    }

    public void changeInterests(List<String> newInterests, Instant now) {
        if (newInterests.size() > MAX_INTERESTS) {
            throw new InvalidValueException("interests", "at most " + MAX_INTERESTS + " interests");
        }
        for (String interest : newInterests) {
            if (interest == null || interest.isBlank() || interest.length() > 50) {
                throw new InvalidValueException("interests", "each interest must be 1 to 50 characters");
            }
        }
        this.interests = newInterests.stream().map(String::trim).distinct().toList();
        this.updatedAt = now;
    }

    public void changeLanguages(String newNative, String newTarget, Instant now) {
        this.nativeLanguage = Credentials.language("native_language", newNative);
        this.targetLanguage = Credentials.language("target_language", newTarget);
        this.updatedAt = now;
    }

    /**
     * Links the account to a Telegram user id (what Telegram OTP login and the bot know the person by), or unlinks it
     * with {@code null}. Uniqueness across accounts is the repository's to enforce.
     */
    public void linkTelegram(Long newTelegramId, Instant now) {
        this.telegramId = newTelegramId == null ? null : TelegramIds.require(newTelegramId);
        this.updatedAt = now;
    }

    /** {@code zone} is an IANA time zone id such as {@code Europe/Moscow}. */
    public void changeTimeZone(String zone, Instant now) {
        try {
            this.timeZone = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidValueException("time_zone", "must be an IANA time zone such as Europe/Moscow");
        }
        this.updatedAt = now;
    }

    public void changePasswordHash(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.updatedAt = now;
    }

    public void assignRoles(Set<Role> newRoles, Instant now) {
        if (newRoles.isEmpty()) throw new InvalidValueException("roles", "at least one role is required");
        this.roles = EnumSet.copyOf(newRoles);
        this.updatedAt = now;
    }

    /**
     * Disables the account and ends every token issued so far: enabling it again later does not revive them (see
     * {@link UserAccess#acceptsTokenIssuedAt}).
     */
    public void disable(Instant now) {
        this.status = UserStatus.DISABLED;
        this.tokensValidAfter = now;
        this.updatedAt = now;
    }

    /** Only tokens issued from now on work; those issued before the disable stay dead. */
    public void enable(Instant now) {
        this.status = UserStatus.ACTIVE;
        this.updatedAt = now;
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public String email() { return email; }
    public String passwordHash() { return passwordHash; }
    public Set<Role> roles() { return roles.isEmpty() ? Set.of() : Set.copyOf(roles); }
    public UserStatus status() { return status; }
    public String nativeLanguage() { return nativeLanguage; }
    public String targetLanguage() { return targetLanguage; }
    public long xp() { return xp; }
    public Map<String, String> languageLevels() { return Map.copyOf(languageLevels); }
    public List<String> interests() { return interests; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    /** When the account was last disabled: tokens issued up to then are dead; {@code null} if never. */
    public Instant tokensValidAfter() { return tokensValidAfter; }
    /** The linked Telegram user id, empty when none is linked. */
    public Optional<Long> telegramId() { return Optional.ofNullable(telegramId); }

    public ZoneId timeZone() { return timeZone; }
}
