package dev.hexcore.bootstrap.cli;

import dev.hexcore.application.identity.ApiKeysUseCase;

import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.identity.ApiKey;
import dev.hexcore.domain.identity.ApiKeyScope;
import dev.hexcore.domain.shared.DomainException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Seed 001's {@code key:create --label "QA"}: prints the new key once. */
@Command(name = "key:create", mixinStandardHelpOptions = true, description = "Create an API key and print it once")
public class KeyCreateCli implements Callable<Integer> {
    /** The operator at the console acts with admin rights. */
    static final Actor OPERATOR = Actor.apiKey(new UUID(0, 0), Set.of(ApiKeyScope.ADMIN));

    @Option(names = "--label", required = true, description = "What the key is for")
    String label;

    @Option(names = "--scopes", split = ",", defaultValue = "profiles:read,profiles:write,exports",
            description = "Comma-separated scopes (default: ${DEFAULT-VALUE}); known: admin, profiles:read, profiles:write, exports, bot, recommendations")
    List<String> scopes;

    @Option(names = "--rate-limit-per-min", description = "Own limit instead of the default")
    Integer rateLimitPerMin;

    @Option(names = "--expires-at", description = "ISO-8601 instant, e.g. 2027-01-01T00:00:00Z")
    Instant expiresAt;

    private final ApiKeysUseCase keys;

    public KeyCreateCli(ApiKeysUseCase keys) {
        this.keys = keys;
    }

    @Override
    public Integer call() {
        try {
            ApiKey.Issued issued = keys.create(OPERATOR,
                    new ApiKeysUseCase.CreateApiKeyCommand(label, new LinkedHashSet<>(scopes), rateLimitPerMin, expiresAt));
            System.out.println("id:     " + issued.key().id());
            System.out.println("label:  " + issued.key().label());
            System.out.println("scopes: " + String.join(",", issued.key().scopes()));
            System.out.println("key:    " + issued.secret());
            System.out.println("Store the key now: it is not shown again.");
            return 0;
        } catch (DomainException e) {
            System.err.println("Cannot create the key: " + e.getMessage());
            return 2;
        }
    }
}
