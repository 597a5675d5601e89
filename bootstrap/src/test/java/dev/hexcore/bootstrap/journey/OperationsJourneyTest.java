package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an operator and a load balancer rely on: health, metrics, API docs, trace ids. */
@QuarkusTest
class OperationsJourneyTest {
    private static final String TRACE_ID = "[0-9a-f]{32}";

    @Test
    void pingAnswersWithoutCredentialsOrLimits() {
        from(newAddress()).get("/api/v1/ping").then()
                .statusCode(200)
                .contentType("application/json")
                .body("status", equalTo("ok"))
                .header("X-Trace-Id", matchesPattern(TRACE_ID));
    }

    @Test
    void livenessAndReadinessAreUpWithDatabaseAndRedis() {
        from(newAddress()).get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Response ready = from(newAddress()).get("/q/health/ready");
        ready.then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")));
        List<Map<String, Object>> checks = ready.jsonPath().getList("checks");
        assertThat(checks).extracting(c -> c.get("name").toString())
                .anySatisfy(name -> assertThat(name).containsIgnoringCase("database"))
                .contains("redis");
        Map<String, Object> redis = checks.stream().filter(c -> "redis".equals(c.get("name"))).findFirst().orElseThrow();
        assertThat(redis).containsEntry("status", "UP");
        assertThat(redis.get("data")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("mode", "redis").containsEntry("reachable", true);
    }

    @Test
    void healthHasAShortAlias() {
        from(newAddress()).get("/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("redis"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        // make sure a JAX-RS request has been served and the rate-limit filter exists
        from(newAddress()).get("/api/v1/auth/me").then().statusCode(401);
        String metrics = from(newAddress()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests").contains("hexcore_ratelimit_rejections");
    }

    @Test
    void theOpenApiDocumentListsTheRoutesAndTheSwaggerUiIsServed() {
        from(newAddress()).get("/q/openapi").then()
                .statusCode(200)
                .body(containsString("/api/v1/auth/login"))
                .body(containsString("/api/v1/auth/register"))
                .body(containsString("/api/v1/admin/api-keys"))
                .body(containsString("/api/v1/admin/users"))
                .body(containsString("application/problem+json"));
        from(newAddress()).queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/api/v1/auth/login"))
                .body("components.securitySchemes", hasKey("bearer"))
                .body("components.securitySchemes", hasKey("apiKey"));
        from(newAddress()).get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void everyResponseCarriesATraceId() {
        String address = newAddress();
        for (Response response : List.of(
                from(address).get("/api/v1/ping"),
                from(address).get("/api/v1/auth/me"),
                from(address).get("/api/v1/no-such-route"),
                from(address).get("/q/health/ready"),
                from(address).get("/health"),
                from(address).get("/q/metrics"),
                from(address).contentType("application/json").body("{").post("/api/v1/auth/logout"),
                from(address).delete("/api/v1/auth/login"))) {
            assertThat(response.header("X-Trace-Id")).as("X-Trace-Id of a %d", response.statusCode())
                    .matches(TRACE_ID);
        }
    }

    @Test
    void anIncomingTraceparentIsContinued() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        from(newAddress()).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .get("/api/v1/no-such-route").then()
                .statusCode(404)
                .header("X-Trace-Id", traceId)
                .body("trace_id", equalTo(traceId));
    }

    @Test
    void corsIsLimitedToTheConfiguredOrigins() {
        from(newAddress()).header("Origin", "http://localhost:5173").get("/api/v1/ping").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        Response foreign = from(newAddress()).header("Origin", "https://evil.example").get("/api/v1/ping");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNotEqualTo("https://evil.example").isNotEqualTo("*");
    }

    @Test
    void aForeignOriginIsRefusedWithAProblemAndAConfiguredOneIsServed() {
        from(newAddress()).header("Origin", "http://evil.example").get("/api/v1/ping").then()
                .statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("CORS_ORIGIN_NOT_ALLOWED"));
        from(newAddress()).header("Origin", "http://localhost:3000").get("/api/v1/ping").then()
                .statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:3000");
    }
}
