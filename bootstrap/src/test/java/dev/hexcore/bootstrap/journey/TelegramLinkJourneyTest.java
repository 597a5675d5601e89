package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Issue 16: a user's telegram_id, set by the user (PATCH /users/me) or an admin, unique across accounts. */
@QuarkusTest
class TelegramLinkJourneyTest {
    @Inject
    EnsureAdminUseCase admins;

    @Test
    void aUserLinksTheirOwnTelegramIdAndNobodyElseCanTakeIt() {
        long telegramId = randomTelegramId();
        Account alice = newUser("tg_alice");
        Account bob = newUser("tg_bob");

        bearer(newAddress(), alice.tokens().access()).get("/api/v1/users/me").then()
                .statusCode(200).body("telegram_id", nullValue());
        patchMe(bob, "{\"telegram_id\":" + telegramId + "}").then().statusCode(200)
                .body("telegram_id", equalTo(telegramId));
        patchMe(bob, "{\"telegram_id\":" + telegramId + "}").then().statusCode(200);   // the same id again: no change

        patchMe(alice, "{\"telegram_id\":" + telegramId + "}").then().statusCode(409).contentType(PROBLEM_JSON)
                .body("code", equalTo("TELEGRAM_ID_TAKEN"));
        patchMe(alice, "{\"telegram_id\":-5}").then().statusCode(422).contentType(PROBLEM_JSON);
        bearer(newAddress(), alice.tokens().access()).get("/api/v1/users/me").then().body("telegram_id", nullValue());
    }

    @Test
    void anAdminLinksMovesAndUnlinksATelegramId() {
        Account admin = newAdmin(admins);
        Account carol = newUser("tg_carol");
        Account dave = newUser("tg_dave");
        long telegramId = randomTelegramId();

        adminLink(admin, carol, String.valueOf(telegramId)).then().statusCode(200)
                .body("telegram_id", equalTo(telegramId));
        adminLink(admin, dave, String.valueOf(telegramId)).then().statusCode(409)
                .body("code", equalTo("TELEGRAM_ID_TAKEN"));
        adminLink(admin, carol, "null").then().statusCode(200).body("telegram_id", nullValue());
        adminLink(admin, dave, String.valueOf(telegramId)).then().statusCode(200)
                .body("telegram_id", equalTo(telegramId));
        adminLink(carol, dave, "null").then().statusCode(403);
        bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON).body("{\"telegram_id\":1}")
                .put("/api/v1/admin/users/" + java.util.UUID.randomUUID() + "/telegram-id").then().statusCode(404);
    }

    private static io.restassured.response.Response patchMe(Account account, String body) {
        return bearer(newAddress(), account.tokens().access()).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/users/me");
    }

    private static io.restassured.response.Response adminLink(Account admin, Account user, String telegramId) {
        return bearer(newAddress(), admin.tokens().access()).contentType(ContentType.JSON)
                .body("{\"telegram_id\":" + telegramId + "}")
                .put("/api/v1/admin/users/" + user.id() + "/telegram-id");
    }

    static long randomTelegramId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 1L << 40);
    }
}
