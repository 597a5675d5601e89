package dev.hexcore.bootstrap.launch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/** What the prod profile insists on: a real database, real signing keys, and no wildcard CORS origin. */
public final class ProductionGuard {
    private ProductionGuard() {
    }

    public static List<String> problems(Config config) {
        List<String> problems = new ArrayList<>();
        if (config.getOptionalValue(HexcoreMain.JDBC_URL, String.class).isEmpty()) {
            problems.add("no database configured: set QUARKUS_DATASOURCE_JDBC_URL (the embedded PostgreSQL is for local use only)");
        }
        if (config.getOptionalValue(HexcoreMain.PUBLIC_KEY, String.class).isEmpty()
                || config.getOptionalValue(HexcoreMain.SIGN_KEY, String.class).isEmpty()) {
            problems.add("no JWT keys configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION and SMALLRYE_JWT_SIGN_KEY_LOCATION");
        }
        String origins = config.getOptionalValue("quarkus.http.cors.origins", String.class).orElse("");
        if (Arrays.stream(origins.split(",")).map(String::trim).anyMatch(o -> o.equals("*") || o.equals("/.*/"))) {
            problems.add("CORS allows any origin: set HEXCORE_CORS_ORIGINS to the exact origins of your front ends");
        }
        return problems;
    }
}
