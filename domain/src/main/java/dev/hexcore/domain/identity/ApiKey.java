package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Secrets;
import dev.hexcore.domain.shared.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * A machine credential (seeds 001 and 003). Only the SHA-256 of the secret and a short display prefix are stored:
 * the secret has 256 random bits, so a fast hash is as safe as a slow one and keeps verification cheap.
 */
public final class ApiKey {
    public static final String SECRET_PREFIX = "hk_live_";
    private static final int SECRET_BYTES = 32;
    private static final int DISPLAY_CHARS = 6;
    public static final int MAX_RATE_LIMIT_PER_MIN = 100_000_000;

    /** A newly created key with its secret, which is shown to the caller once and never stored. */
    public record Issued(ApiKey key, String secret) {
    }

    private final UUID id;
    private final String label;
    private final String keyHash;
    private final String displayPrefix;
    private final Set<String> scopes;
    private ApiKeyStatus status;
    private final Integer rateLimitPerMin;
    private Instant lastUsedAt;
    private final Instant createdAt;
    private final Instant expiresAt;
    private Instant revokedAt;
    private final UUID createdBy;

    private ApiKey(UUID id, String label, String keyHash, String displayPrefix, Set<String> scopes, ApiKeyStatus status,
                   Integer rateLimitPerMin, Instant lastUsedAt, Instant createdAt, Instant expiresAt, Instant revokedAt,
                   UUID createdBy) {
        this.id = id;
        this.label = label;
        this.keyHash = keyHash;
        this.displayPrefix = displayPrefix;
        this.scopes = Set.copyOf(scopes);
        this.status = status;
        this.rateLimitPerMin = rateLimitPerMin;
        this.lastUsedAt = lastUsedAt;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.createdBy = createdBy;
    }

    public static Issued issue(UUID id, String label, Set<String> scopes, Integer rateLimitPerMin, Instant expiresAt,
                               UUID createdBy, Instant now, RandomGenerator secureRandom) {
        // every broken field is reported at once, so a client fixes its request in one round
        List<InvalidValueException.FieldError> errors = new ArrayList<>();
        if (label == null || label.isBlank() || label.trim().length() > 100) {
            errors.add(new InvalidValueException.FieldError("label", "must be 1 to 100 characters"));
        } else if (label.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
            errors.add(new InvalidValueException.FieldError("label", "must be a single line without control characters"));
        }
        ApiKeyScope.problem(scopes).ifPresent(message -> errors.add(new InvalidValueException.FieldError("scopes", message)));
        if (rateLimitPerMin != null && (rateLimitPerMin < 1 || rateLimitPerMin > MAX_RATE_LIMIT_PER_MIN)) {
            errors.add(new InvalidValueException.FieldError("rate_limit_per_min", "must be between 1 and " + MAX_RATE_LIMIT_PER_MIN));
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            errors.add(new InvalidValueException.FieldError("expires_at", "must be in the future"));
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        String secret = SECRET_PREFIX + Secrets.randomToken(secureRandom, SECRET_BYTES);
        ApiKey key = new ApiKey(id, label.trim(), hash(secret), secret.substring(0, SECRET_PREFIX.length() + DISPLAY_CHARS),
                ApiKeyScope.validate(scopes), ApiKeyStatus.ACTIVE, rateLimitPerMin, null, now, expiresAt, null, createdBy);
        return new Issued(key, secret);
    }

    public static ApiKey restore(UUID id, String label, String keyHash, String displayPrefix, Set<String> scopes,
                                 ApiKeyStatus status, Integer rateLimitPerMin, Instant lastUsedAt, Instant createdAt,
                                 Instant expiresAt, Instant revokedAt, UUID createdBy) {
        return new ApiKey(id, label, keyHash, displayPrefix, scopes, status, rateLimitPerMin, lastUsedAt, createdAt,
                expiresAt, revokedAt, createdBy);
    }

    /** The stored form of a presented secret. */
    public static String hash(String secret) {
        return Sha256.hex(secret);
    }

    /** Cheap syntactic check before any lookup. */
    public static boolean looksLikeKey(String value) {
        return value != null && value.startsWith(SECRET_PREFIX) && value.length() > SECRET_PREFIX.length() + 16
                && value.length() <= 128;
    }

    public boolean isUsableAt(Instant now) {
        return status == ApiKeyStatus.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(Instant now) {
        if (status == ApiKeyStatus.REVOKED) return;
        status = ApiKeyStatus.REVOKED;
        revokedAt = now;
    }

    public UUID id() { return id; }
    public String label() { return label; }
    public String keyHash() { return keyHash; }
    public String displayPrefix() { return displayPrefix; }
    public Set<String> scopes() { return scopes; }
    public ApiKeyStatus status() { return status; }
    public Integer rateLimitPerMin() { return rateLimitPerMin; }
    public Instant lastUsedAt() { return lastUsedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant revokedAt() { return revokedAt; }
    public UUID createdBy() { return createdBy; }
}
