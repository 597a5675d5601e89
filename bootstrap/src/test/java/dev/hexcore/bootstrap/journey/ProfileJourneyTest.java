package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 001's profiles over HTTP: generate, persist, read, list with filters, soft-delete, and who sees what. */
@QuarkusTest
class ProfileJourneyTest {
    private static final String PROFILES = "/api/v1/profiles";
    private static final String PROFILE_SCOPES = "[\"profiles:read\",\"profiles:write\"]";

    @Inject
    EnsureAdminUseCase admins;

    private Account admin;
    private Key key;

    @BeforeEach
    void aKeyWithProfileScopes() {
        admin = newAdmin(admins);
        key = createKey(admin, PROFILE_SCOPES, 10_000);
    }

    private static RequestSpecification as(Key key) {
        return apiKey(key.secret()).contentType(ContentType.JSON);
    }

    private static JsonPath generate(Key key, Map<String, Object> body, int status) {
        return as(key).body(body).post(PROFILES + "/generate").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void persistedProfilesAreReadListedAndSoftDeleted() {
        JsonPath generated = generate(key, Map.of("count", 3, "persist", true, "seed", 42), 201);
        assertThat(generated.getInt("count")).isEqualTo(3);
        assertThat(generated.getBoolean("persisted")).isTrue();
        assertThat(generated.getLong("seed")).isEqualTo(42);
        List<String> ids = generated.getList("items.id");
        assertThat(ids).hasSize(3).doesNotContainNull();
        assertThat(generated.getList("items.source_key", String.class)).containsOnly(key.id());

        Map<String, Object> first = generated.getMap("items[0]");
        JsonPath read = as(key).get(PROFILES + "/" + ids.get(0)).then().statusCode(200).extract().jsonPath();
        assertThat(read.getMap("")).isEqualTo(first);
        assertThat(read.getString("payload.full_name")).isNotBlank();
        assertThat(read.getString("payload.passport.series")).matches("\\d{4}");
        assertThat(read.getString("payload.inn")).matches("\\d{12}");
        assertThat(read.getString("payload.finance.monthly_income.value")).matches("\\d+\\.\\d{2}");
        assertThat(read.getString("payload.finance.monthly_income.currency")).isEqualTo("RUB");
        assertThat(read.getString("payload.birth_date")).matches("\\d{4}-\\d{2}-\\d{2}");

        as(key).get(PROFILES).then().statusCode(200)
                .body("total", equalTo(3)).body("page", equalTo(1)).body("limit", equalTo(20))
                .body("items.id", equalTo(List.of(ids.get(2), ids.get(1), ids.get(0))));
        as(key).queryParam("limit", 2).queryParam("page", 2).get(PROFILES).then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", equalTo(List.of(ids.get(0))));

        as(key).delete(PROFILES + "/" + ids.get(1)).then().statusCode(204);
        as(key).get(PROFILES + "/" + ids.get(1)).then().statusCode(404).contentType(PROBLEM_JSON);
        as(key).delete(PROFILES + "/" + ids.get(1)).then().statusCode(404);
        as(key).get(PROFILES).then().body("total", equalTo(2)).body("items.id", equalTo(List.of(ids.get(2), ids.get(0))));
    }

    @Test
    void aListedProfileIsTheStoredDocumentAndTheApiDocumentDescribesIt() {
        JsonPath generated = generate(key, Map.of("count", 2, "persist", true, "seed", 11), 201);
        JsonPath listed = as(key).get(PROFILES).then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("items.payload")).as("the stored payloads, newest first, as the generate answer wrote them")
                .containsExactly(generated.getMap("items[1].payload"), generated.getMap("items[0].payload"));

        JsonPath openApi = from(newAddress()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        assertThat(openApi.getString("components.schemas.ProfileResponse.properties.payload.'$ref'"))
                .isEqualTo("#/components/schemas/PersonProfile");
    }

    @Test
    void theSameSeedGivesTheSamePeopleAndUnpersistedOnesHaveNoIds() {
        JsonPath stored = generate(key, Map.of("count", 2, "persist", true, "seed", 7, "locale", "ru"), 201);
        JsonPath again = generate(key, Map.of("count", 2, "seed", 7), 200);
        assertThat(again.getBoolean("persisted")).isFalse();
        assertThat(again.getList("items.id")).containsOnlyNulls();
        assertThat(again.getList("items.payload")).isEqualTo(stored.getList("items.payload"));

        JsonPath english = generate(key, Map.of("count", 2, "seed", 7, "locale", "en"), 200);
        assertThat(english.getString("locale")).isEqualTo("en");
        assertThat(english.getList("items.payload.inn")).isEqualTo(stored.getList("items.payload.inn"));
        assertThat(english.getString("items[0].payload.last_name")).matches("[A-Za-z' -]+");

        JsonPath defaults = generate(key, Map.of(), 200);
        assertThat(defaults.getInt("count")).isEqualTo(1);
        assertThat(defaults.getString("locale")).isEqualTo("ru");
    }

    @Test
    void badGenerateRequestsAreProblems() {
        for (int count : new int[]{0, 101, -1}) {
            as(key).body(Map.of("count", count)).post(PROFILES + "/generate").then().statusCode(422)
                    .contentType(PROBLEM_JSON).body("errors.field", hasItem("count"));
        }
        as(key).body("{\"count\":\"5\"}").post(PROFILES + "/generate").then().statusCode(400).contentType(PROBLEM_JSON);
        as(key).body("{\"count\":").post(PROFILES + "/generate").then().statusCode(400).contentType(PROBLEM_JSON);
        as(key).body(Map.of("locale", "fr", "ttl", 5, "count", 500)).post(PROFILES + "/generate").then().statusCode(422)
                .body("errors.field", equalTo(List.of("count", "locale", "ttl")));
        as(key).body(Map.of("persist", "yes")).post(PROFILES + "/generate").then().statusCode(400);
    }

    @Test
    void aCallerSeesOnlyItsOwnProfilesUnlessAdmin() {
        String id = generate(key, Map.of("count", 1, "persist", true), 201).getString("items[0].id");
        Key other = createKey(admin, PROFILE_SCOPES, 10_000);

        as(other).get(PROFILES + "/" + id).then().statusCode(404);
        as(other).delete(PROFILES + "/" + id).then().statusCode(404);
        as(other).get(PROFILES).then().statusCode(200).body("total", equalTo(0));
        as(other).queryParam("source_key", key.id()).get(PROFILES).then().statusCode(200).body("total", equalTo(0));

        bearer(newAddress(), admin.tokens().access()).get(PROFILES + "/" + id).then().statusCode(200);
        bearer(newAddress(), admin.tokens().access()).queryParam("source_key", key.id()).get(PROFILES).then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        as(key).get(PROFILES + "/" + id).then().statusCode(200);
    }

    @Test
    void scopesAndSignedInUsersAreChecked() {
        Key reader = createKey(admin, "[\"profiles:read\"]", 10_000);
        as(reader).body(Map.of("count", 1)).post(PROFILES + "/generate").then().statusCode(200);
        as(reader).body(Map.of("count", 1, "persist", true)).post(PROFILES + "/generate").then().statusCode(403)
                .contentType(PROBLEM_JSON);
        Key bot = createKey(admin, "[\"bot\"]", 10_000);
        as(bot).get(PROFILES).then().statusCode(403);
        apiKey("hk_live_not-a-real-key").get(PROFILES).then().statusCode(401).contentType(PROBLEM_JSON);
        from(newAddress()).get(PROFILES).then().statusCode(401);

        Account user = newUser("prof");
        String id = bearer(newAddress(), user.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("count", 1, "persist", true)).post(PROFILES + "/generate").then().statusCode(201)
                .body("items[0].source_key", equalTo(user.id())).extract().path("items[0].id");
        bearer(newAddress(), user.tokens().access()).get(PROFILES + "/" + id).then().statusCode(200);
    }

    @Test
    void listFiltersAndBadQueries() {
        generate(key, Map.of("count", 2, "persist", true), 201);
        as(key).queryParam("created_after", "2000-01-01").queryParam("created_before", "2999-01-01T00:00:00Z")
                .get(PROFILES).then().statusCode(200).body("total", equalTo(2));
        as(key).queryParam("created_after", "2999-01-01").get(PROFILES).then().statusCode(200).body("total", equalTo(0));
        as(key).queryParam("created_before", "2000-01-01").get(PROFILES).then().statusCode(200).body("total", equalTo(0));
        as(key).queryParam("created_after", "yesterday").queryParam("created_before", "soon").get(PROFILES).then()
                .statusCode(422).contentType(PROBLEM_JSON).body("errors.field", equalTo(List.of("created_after", "created_before")));
        as(key).queryParam("created_after", "2026-02-01").queryParam("created_before", "2026-01-01").get(PROFILES)
                .then().statusCode(422);
        as(key).queryParam("page", 0).get(PROFILES).then().statusCode(422);
        as(key).queryParam("limit", 101).get(PROFILES).then().statusCode(422);
        as(key).get(PROFILES + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM_JSON);
    }
}
