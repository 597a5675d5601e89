package dev.hexcore.bootstrap.launch;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Entry point. Outside the prod profile, whatever is not configured is provided locally before Quarkus reads its
 * runtime configuration: an embedded PostgreSQL with data under {@code hexcore.data-dir}, and JWT signing keys kept
 * there too. In the prod profile nothing is made up: missing settings stop the start with a clear message.
 * With arguments it runs an operator command ({@code key:create}, {@code admin:create}) instead of the server.
 */
@QuarkusMain
public final class HexcoreMain {
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String PUBLIC_KEY = "mp.jwt.verify.publickey.location";
    static final String SIGN_KEY = "smallrye.jwt.sign.key.location";
    /** HEXCORE_EMBEDDED_POSTGRES_PORT: unset, the data folder picks a free port and remembers it. */
    static final String POSTGRES_PORT = "hexcore.embedded.postgres-port";

    private HexcoreMain() {
    }

    public static void main(String... args) {
        Config config = ConfigProvider.getConfig();
        String profile = config.getOptionalValue("quarkus.profile", String.class).orElse("prod");
        List<String> problems = profile.equals("prod") ? ProductionGuard.problems(config) : List.of();
        if (!problems.isEmpty()) {
            System.err.println("Hexcore refuses to start in the prod profile:");
            problems.forEach(p -> System.err.println("  - " + p));
            System.exit(78);
        }
        if (args.length > 0) {
            // An operator command: no HTTP listener (a server may be running), and only its own output on the console.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.log.console.level", "WARN");
            System.setProperty("hexcore.command-mode", "true");
        }
        if (!profile.equals("prod")) provideEmbeddedDefaults(config, args.length > 0);
        Quarkus.run(HexcoreApplication.class, args);
    }

    private static void provideEmbeddedDefaults(Config config, boolean operatorCommand) {
        Path dataDir = Path.of(config.getOptionalValue("hexcore.data-dir", String.class).orElse("data")).toAbsolutePath();
        try {
            if (config.getOptionalValue(JDBC_URL, String.class).isEmpty()) {
                EmbeddedPostgres postgres = ServiceLoader.load(EmbeddedPostgres.class).findFirst().orElseThrow(
                        () -> new IllegalStateException("No database configured (QUARKUS_DATASOURCE_JDBC_URL) and this build has no embedded PostgreSQL"));
                EmbeddedDatabase database = EmbeddedDatabase.open(postgres, dataDir,
                        config.getOptionalValue(POSTGRES_PORT, Integer.class), operatorCommand);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(database), "embedded-postgres-stop"));
                System.setProperty(JDBC_URL, database.jdbcUrl());
                System.setProperty("quarkus.datasource.username", "postgres");
                System.setProperty("quarkus.datasource.password", "");
            }
            Optional<String> publicKey = config.getOptionalValue(PUBLIC_KEY, String.class);
            if (publicKey.isEmpty()) {
                JwtKeyFiles.Locations keys = JwtKeyFiles.ensure(dataDir.resolve("keys"));
                System.setProperty(PUBLIC_KEY, keys.publicKey().toUri().toString());
                System.setProperty(SIGN_KEY, keys.privateKey().toUri().toString());
            }
        } catch (Exception e) {
            System.err.println("Could not prepare the embedded defaults: " + e.getMessage());
            System.exit(70);
        }
    }

    private static void stop(EmbeddedDatabase database) {
        try {
            database.close();
        } catch (Exception e) {
            System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
