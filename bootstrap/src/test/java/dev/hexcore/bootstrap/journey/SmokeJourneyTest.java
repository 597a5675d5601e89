package dev.hexcore.bootstrap.journey;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SmokeJourneyTest {
    @Test
    void pingAnswers() {
        given().get("/api/v1/ping").then().statusCode(200).body("status", equalTo("ok"));
    }
}
