package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * ADR 0030: when PostgreSQL drops the app's connections (a restart, a failover), requests that meet a dead connection
 * answer a 503 problem with Retry-After, never a 500, and the app recovers by itself. bench/faults.sh stops and starts
 * a whole server; here the pool's connections are terminated from outside the pool.
 */
@QuarkusTest
class DatabaseOutageJourneyTest {
    @Inject
    EnsureAdminUseCase admins;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void aDroppedConnectionIsA503ProblemAndTheAppRecoversByItself() throws SQLException {
        Key key = createKey(newAdmin(admins), "[\"profiles:read\"]", null);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5 && !statuses.contains(503); i++) {
            terminateThePoolsConnections();
            Response response = apiKey(key.secret()).get("/api/v1/profiles?limit=1");
            statuses.add(response.statusCode());
            if (response.statusCode() == 503) {
                assertThat(response.contentType()).startsWith(PROBLEM_JSON);
                assertThat(response.jsonPath().getString("code")).isEqualTo("DATABASE_UNAVAILABLE");
                assertThat(response.header("Retry-After")).isEqualTo("2");
                assertThat(response.asString()).doesNotContain("SQL").doesNotContain("57P01");
            } else {
                assertThat(response.statusCode()).as("answer %d: %s", i, response.asString()).isEqualTo(200);
            }
        }
        assertThat(statuses).as("a request met a terminated connection").contains(503);
        eventually(Duration.ofSeconds(5), () -> assertThat(apiKey(key.secret()).get("/api/v1/profiles?limit=1")
                .statusCode()).isEqualTo(200));
    }

    /** Ends every other session of this database, as a server restart would; from a connection of its own. */
    private void terminateThePoolsConnections() throws SQLException {
        try (Connection own = DriverManager.getConnection(url, user, password.orElse("")); Statement statement = own.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                    + "where datname = current_database() and pid <> pg_backend_pid()");
        }
    }
}
