package dev.hexcore.bootstrap.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hexcore.bootstrap.launch.JwtKeyFiles;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * The test suite's PostgreSQL, Redis and JWT keys. Real servers when HEXCORE_TEST_DB_URL / HEXCORE_TEST_REDIS_URL
 * are set (CI), embedded ones otherwise, so {@code ./mvnw verify} needs nothing installed.
 */
public class HexcoreTestInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres postgres;
    private static RedisServer redis;
    private static Map<String, String> config;
    private static WireMockServer providers;
    /** Differs per test JVM, so key states kept in a shared Redis (disabled keys, cooldowns) never leak between runs. */
    public static final String RUN = Long.toString(System.nanoTime(), 36);

    @Override
    public synchronized Map<String, String> start() {
        if (config != null) return config;
        try {
            Map<String, String> props = new HashMap<>();
            String dbUrl = System.getenv("HEXCORE_TEST_DB_URL");
            if (dbUrl == null || dbUrl.isBlank()) {
                postgres = EmbeddedPostgres.builder().start();
                dbUrl = postgres.getJdbcUrl("postgres", "postgres");
            }
            props.put("quarkus.datasource.jdbc.url", dbUrl);
            props.put("quarkus.datasource.username", envOr("HEXCORE_TEST_DB_USER", "postgres"));
            props.put("quarkus.datasource.password", envOr("HEXCORE_TEST_DB_PASSWORD", ""));
            props.put("quarkus.redis.hosts", redisUrl());
            Path keys = Files.createTempDirectory("hexcore-test-keys");
            JwtKeyFiles.Locations locations = JwtKeyFiles.ensure(keys);
            // The key contents, not their locations: in dev and test mode Quarkus generates its own JWT key pair at
            // build time when application.properties names no key, and the generated public key *content* wins over
            // any location given at run time (SRJWT03007), so tokens signed from a location never verified.
            props.put("mp.jwt.verify.publickey", Files.readString(locations.publicKey()));
            props.put("smallrye.jwt.sign.key", Files.readString(locations.privateKey()));
            props.put("hexcore.test.jwt-private-key", locations.privateKey().toString());
            // A local stand-in for Gemini: two keys of one project; tests stub the answers per model.
            providers = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
            providers.start();
            Runtime.getRuntime().addShutdownHook(new Thread(providers::stop));
            props.put("hexcore.ai.gemini.base-url", providers.baseUrl());
            props.put("hexcore.ai.gemini.keys", "gemini-a-" + RUN + ":project-" + RUN + ":test-secret-a-" + RUN
                    + ",gemini-b-" + RUN + ":project-" + RUN + ":test-secret-b-" + RUN);
            props.put("hexcore.ai.gemini.requests-per-minute", "1000");
            // Recommendations (issue 17) call Gemini's stand-in; tests tell their stubs apart by a marker in the prompt.
            props.put("hexcore.ai.chains.recommendations", "gemini/" + RECOMMENDATION_MODEL);
            props.put("hexcore.recommendations.batch.pause", "PT0S");
            props.put("hexcore.recommendations.batch.cron", "off");
            config = Map.copyOf(props);
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test infrastructure", e);
        }
    }

    /** The Gemini model the recommendations chain names in tests. */
    public static final String RECOMMENDATION_MODEL = "gemini-reco-test";

    /** The WireMock server that stands in for the model providers. */
    public static WireMockServer providers() {
        return providers;
    }

    private static String redisUrl() throws IOException {
        String url = System.getenv("HEXCORE_TEST_REDIS_URL");
        if (url != null && !url.isBlank()) return url;
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redis = RedisServer.newRedisServer().port(port).setting("bind 127.0.0.1").setting("save \"\"").build();
        redis.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.stop();
            } catch (IOException ignored) {
                // the JVM is going away
            }
        }));
        return "redis://127.0.0.1:" + port;
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    @Override
    public void stop() {
        // Shared by every test class in this JVM; the servers stop with it.
    }
}
