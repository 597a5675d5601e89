package dev.hexcore.domain.identity;

import dev.hexcore.domain.shared.InvalidValueException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The scopes an API key can carry. A key with {@code admin} may do what an admin user may do. */
public final class ApiKeyScope {
    public static final String ADMIN = "admin";
    public static final String PROFILES_READ = "profiles:read";
    public static final String PROFILES_WRITE = "profiles:write";
    public static final String EXPORTS = "exports";
    public static final String BOT = "bot";
    public static final String RECOMMENDATIONS = "recommendations";
    /** The flower-shop CRM (seed 004): a key with it acts as an admin there and names the shop with ?shop_id=. */
    public static final String CRM = "crm";

    public static final Set<String> KNOWN = Set.of(ADMIN, PROFILES_READ, PROFILES_WRITE, EXPORTS, BOT, RECOMMENDATIONS, CRM);

    private ApiKeyScope() {
    }

    public static Set<String> validate(Set<String> scopes) {
        problem(scopes).ifPresent(message -> {
            throw new InvalidValueException("scopes", message);
        });
        return Set.copyOf(scopes);
    }

    /** What is wrong with the scopes, if anything. */
    public static Optional<String> problem(Set<String> scopes) {
        if (scopes == null || scopes.isEmpty()) return Optional.of("at least one scope is required");
        for (String scope : scopes) {
            if (scope == null || !KNOWN.contains(scope)) {
                return Optional.of("unknown scope '" + scope + "'; known: " + new TreeSet<>(KNOWN));
            }
        }
        return Optional.empty();
    }
}
