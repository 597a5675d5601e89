package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.apiKey;
import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import dev.hexcore.bootstrap.support.Journeys.Key;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seed 001's exports over HTTP: 202, status until succeeded, the file streamed back as JSON or a readable PDF. */
@QuarkusTest
class ExportJourneyTest {
    private static final String PROFILES = "/api/v1/profiles";
    private static final String EXPORTS = "/api/v1/exports";

    @Inject
    EnsureAdminUseCase admins;

    private Account admin;
    private Key key;

    @BeforeEach
    void aKeyThatMayExport() {
        admin = newAdmin(admins);
        key = createKey(admin, "[\"profiles:read\",\"profiles:write\",\"exports\"]", 10_000);
    }

    private static RequestSpecification as(Key key) {
        return apiKey(key.secret()).contentType(ContentType.JSON);
    }

    private List<String> persist(int count) {
        return as(key).body(Map.of("count", count, "persist", true)).post(PROFILES + "/generate").then().statusCode(201)
                .extract().jsonPath().getList("items.id");
    }

    /** Posts the export, checks the 202 answer, and waits until it succeeded; returns the download response. */
    private Response exportAndDownload(Map<String, Object> body) {
        JsonPath accepted = as(key).body(body).post(EXPORTS).then().statusCode(202)
                .header("Location", containsString(EXPORTS + "/"))
                .body("status", equalTo("pending")).body("download_url", nullValue())
                .extract().jsonPath();
        String id = accepted.getString("export_id");
        assertThat(accepted.getString("requested_at")).isNotBlank();
        eventually(Duration.ofSeconds(30), () -> as(key).get(EXPORTS + "/" + id).then().statusCode(200)
                .body("status", equalTo("succeeded")));
        JsonPath done = as(key).get(EXPORTS + "/" + id).then().extract().jsonPath();
        assertThat(done.getInt("progress")).isEqualTo(100);
        assertThat(done.getString("completed_at")).isNotBlank();
        assertThat(done.getString("download_url")).isEqualTo(EXPORTS + "/" + id + "/download");
        return apiKey(key.secret()).get(done.getString("download_url")).then().statusCode(200).extract().response();
    }

    @Test
    void oneProfileAsAPdfReadsBackWithItsCyrillicText() throws IOException {
        String id = persist(1).get(0);
        JsonPath profile = as(key).get(PROFILES + "/" + id).then().statusCode(200).extract().jsonPath();

        Response file = exportAndDownload(Map.of("profile_id", id, "format", "pdf"));

        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"profile-" + id + ".pdf\"");
        try (PDDocument pdf = Loader.loadPDF(file.asByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(profile.getString("payload.last_name"), profile.getString("payload.first_name"),
                    profile.getString("payload.middle_name"), profile.getString("payload.passport.number"),
                    profile.getString("payload.address.city"), profile.getString("payload.finance.bank"));
            assertThat(text).matches("(?s).*[А-Яа-яЁё]{3,}.*");
        }
    }

    @Test
    void aFilterAsJsonHoldsExactlyTheProfilesTheApiShows() {
        List<String> ids = persist(3);

        Response file = exportAndDownload(Map.of("filter", Map.of("created_after", "2000-01-01"), "format", "json"));

        assertThat(file.contentType()).startsWith("application/json");
        assertThat(file.header("Content-Disposition")).startsWith("attachment; filename=\"profiles-").endsWith(".json\"");
        List<Map<String, Object>> exported = file.jsonPath().getList("");
        assertThat(exported).extracting(p -> p.get("id")).containsExactlyElementsOf(ids);
        Map<String, Object> viaApi = as(key).get(PROFILES + "/" + ids.get(0)).then().extract().jsonPath().getMap("");
        assertThat(exported.get(0)).isEqualTo(viaApi);
    }

    @Test
    void badExportRequestsAreProblems() {
        String id = persist(1).get(0);
        as(key).body(Map.of("profile_id", id, "format", "xml")).post(EXPORTS).then().statusCode(422)
                .contentType(PROBLEM_JSON).body("errors.field", hasItem("format"));
        as(key).body(Map.of("format", "json")).post(EXPORTS).then().statusCode(422).body("errors.field", hasItem("profile_id"));
        as(key).body(Map.of("profile_id", id, "filter", Map.of(), "format", "json")).post(EXPORTS).then().statusCode(422);
        as(key).body(Map.of("profile_id", "nope", "format", "json")).post(EXPORTS).then().statusCode(422)
                .body("errors.field", hasItem("profile_id"));
        as(key).body(Map.of("profile_id", UUID.randomUUID().toString(), "format", "json")).post(EXPORTS).then().statusCode(404);
        as(key).body(Map.of("filter", Map.of("created_after", "2999-01-01"), "format", "pdf")).post(EXPORTS).then()
                .statusCode(422).contentType(PROBLEM_JSON);
        as(key).body(Map.of("filter", Map.of("created_after", "soon"), "format", "json")).post(EXPORTS).then()
                .statusCode(422).body("errors.field", hasItem("filter.created_after"));
        as(key).body("{\"format\":").post(EXPORTS).then().statusCode(400).contentType(PROBLEM_JSON);
        as(key).get(EXPORTS + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM_JSON);
        as(key).get(EXPORTS + "/" + UUID.randomUUID() + "/download").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void exportsAreTheirOwnersAndNeedTheScope() {
        String id = persist(1).get(0);
        String exportId = as(key).body(Map.of("profile_id", id, "format", "json")).post(EXPORTS).then().statusCode(202)
                .extract().path("export_id");
        Key other = createKey(admin, "[\"exports\"]", 10_000);
        as(other).get(EXPORTS + "/" + exportId).then().statusCode(404);
        as(other).get(EXPORTS + "/" + exportId + "/download").then().statusCode(404);
        as(other).body(Map.of("profile_id", id, "format", "json")).post(EXPORTS).then().statusCode(404);

        Key reader = createKey(admin, "[\"profiles:read\"]", 10_000);
        as(reader).body(Map.of("profile_id", id, "format", "json")).post(EXPORTS).then().statusCode(403)
                .contentType(PROBLEM_JSON);
    }
}
