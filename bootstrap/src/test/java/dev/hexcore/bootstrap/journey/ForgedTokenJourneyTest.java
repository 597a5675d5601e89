package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.PASSWORD;
import static dev.hexcore.bootstrap.support.Journeys.PROBLEM_JSON;
import static dev.hexcore.bootstrap.support.Journeys.bearer;
import static dev.hexcore.bootstrap.support.Journeys.eventually;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.loginForm;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static dev.hexcore.bootstrap.support.Journeys.newUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.bootstrap.support.Journeys.Account;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Access tokens an attacker could bring, and what an account's roles and status do to valid ones. */
@QuarkusTest
class ForgedTokenJourneyTest {
    private static final String ME = "/api/v1/auth/me";
    private static final String USERS = "/api/v1/admin/users";

    @Inject
    EnsureAdminUseCase admins;

    @Inject
    MeterRegistry meters;

    @ConfigProperty(name = "hexcore.test.jwt-private-key")
    String realKeyPath;

    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @ConfigProperty(name = "hexcore.jwt.access-token-ttl")
    Duration accessTokenTtl;

    private Account user;
    private PrivateKey realKey;

    @BeforeEach
    void aUserExists() throws Exception {
        user = newUser("target");
        realKey = readPrivateKey(Path.of(realKeyPath));
    }

    @Test
    void aTokenSignedWithTheRealKeyIsAcceptedSoTheForgeriesBelowFailForTheirFlawAlone() {
        String token = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        bearer(newAddress(), token).get(ME).then().statusCode(200).body("id", equalTo(user.id()));
    }

    @Test
    void algNoneIsRefused() {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String payload = base64Url("{\"iss\":\"" + issuer + "\",\"sub\":\"" + user.id() + "\",\"groups\":[\"admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + "}");
        assertUnauthenticated(header + "." + payload + ".");
        assertUnauthenticated(header + "." + payload);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(generator.generateKeyPair().getPrivate());
        assertUnauthenticated(token);
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        // the classic algorithm-confusion attack: HS256 with the server's public key as the shared secret
        String publicPem = Files.readString(Path.of(realKeyPath).resolveSibling("jwt-public.pem"));
        String token = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.HS256)
                .sign(new SecretKeySpec(publicPem.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
        assertUnauthenticated(token);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String token = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(anHourAgo.minus(Duration.ofMinutes(15))).expiresAt(anHourAgo)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(token);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String token = Jwt.issuer("https://evil.example").subject(user.id()).groups(Set.of("user"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(token);
    }

    @Test
    void aTokenForAnUnknownOrMalformedSubjectIsRefused() {
        String unknownUser = Jwt.issuer(issuer).subject(UUID.randomUUID().toString()).groups(Set.of("admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(unknownUser);
        String notAUuid = Jwt.issuer(issuer).subject("root").groups(Set.of("admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(notAUuid);
    }

    @Test
    void garbageIsRefused() {
        assertUnauthenticated("garbage");
        assertUnauthenticated("a.b.c");
        assertUnauthenticated("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA");
        assertUnauthenticated(user.tokens().access() + "x");
        from(newAddress()).header("Authorization", "Basic dXNlcjpwYXNz").get(ME).then().statusCode(401);
    }

    /**
     * A client refreshes because its access token expired, and many clients (an axios interceptor, say) send that
     * token along on every request. The credential routes need no credentials, so an expired or broken
     * Authorization header must not stop them.
     */
    @Test
    void anExpiredAccessTokenSentAlongDoesNotBlockRefreshOrLogin() {
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        String expired = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(anHourAgo.minus(Duration.ofMinutes(15))).expiresAt(anHourAgo)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        String address = newAddress();

        bearer(address, expired).contentType(ContentType.JSON).body(Map.of("refresh_token", user.tokens().refresh()))
                .post("/api/v1/auth/refresh").then()
                .statusCode(200);
        bearer(address, expired).contentType(ContentType.URLENC)
                .formParam("username", user.username()).formParam("password", PASSWORD)
                .post("/api/v1/auth/login").then()
                .statusCode(200);
    }

    /** A verified token is remembered: the same token again is not parsed and RS256-verified a second time. */
    @Test
    void aTokenUsedTwiceIsVerifiedOnce() {
        String token = signed(Instant.now().plusSeconds(300));
        double misses = verifiedTokenCache("miss");
        double hits = verifiedTokenCache("hit");

        bearer(newAddress(), token).get(ME).then().statusCode(200).body("id", equalTo(user.id()));
        bearer(newAddress(), token).get(ME).then().statusCode(200).body("id", equalTo(user.id()));

        assertThat(verifiedTokenCache("miss") - misses).isEqualTo(1);
        assertThat(verifiedTokenCache("hit") - hits).isEqualTo(1);
    }

    /** Remembered, but never past its own exp (and with no grace: SmallRye's 60 s clock skew does not apply). */
    @Test
    void aCachedTokenIsRefusedOnceItExpires() {
        String token = signed(Instant.now().plusSeconds(2));   // exp has whole seconds: 1 to 2 s from now
        String address = newAddress();
        bearer(address, token).get(ME).then().statusCode(200);
        bearer(address, token).get(ME).then().statusCode(200);

        eventually(Duration.ofMillis(2500), () -> assertUnauthenticated(token));
    }

    /** The cache is keyed by the whole token: changing any part of a cached one is a new token, verified and refused. */
    @Test
    void aCachedTokenWithAlteredSignatureOrClaimsIsRefused() {
        String token = user.tokens().access();
        bearer(newAddress(), token).get(ME).then().statusCode(200);
        String[] parts = token.split("\\.");

        // a character in the middle of the signature (the last one may only carry padding bits)
        char[] signature = parts[2].toCharArray();
        signature[signature.length / 2] = signature[signature.length / 2] == 'A' ? 'B' : 'A';
        assertUnauthenticated(parts[0] + "." + parts[1] + "." + new String(signature));
        // another valid token's signature, and claims changed under the original signature
        String other = signed(Instant.now().plusSeconds(300));
        bearer(newAddress(), other).get(ME).then().statusCode(200);
        assertUnauthenticated(parts[0] + "." + parts[1] + "." + other.split("\\.")[2]);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertUnauthenticated(parts[0] + "." + base64Url(payload.replace("\"user\"", "\"admin\"")) + "." + parts[2]);
        // and the original still works
        bearer(newAddress(), token).get(ME).then().statusCode(200);
    }

    @Test
    void theRolesInATokenAreNotTrustedOnlyTheAccountsCurrentRoles() {
        String claimsAdmin = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("admin"))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        bearer(newAddress(), claimsAdmin).get(USERS).then().statusCode(403).contentType(PROBLEM_JSON);
    }

    @Test
    void aDisabledAccountsTokensStopWorkingAndStayDeadWhenItIsEnabledAgain() throws InterruptedException {
        Account admin = newAdmin(admins);
        String address = newAddress();
        bearer(address, user.tokens().access()).get(ME).then().statusCode(200);

        bearer(address, admin.tokens().access()).post(USERS + "/" + user.id() + "/disable").then()
                .statusCode(200)
                .body("id", equalTo(user.id()))
                .body("status", equalTo("disabled"));

        eventually(Duration.ofMillis(1500), () -> bearer(address, user.tokens().access()).get(ME).then()
                .statusCode(401).contentType(PROBLEM_JSON).header("WWW-Authenticate", startsWith("Bearer")));
        // its refresh tokens were revoked, and it cannot log in again
        from(newAddress()).contentType(ContentType.JSON).body(Map.of("refresh_token", user.tokens().refresh()))
                .post("/api/v1/auth/refresh").then().statusCode(401).contentType(PROBLEM_JSON);
        loginForm(newAddress(), user.username(), PASSWORD).then()
                .statusCode(401).contentType(PROBLEM_JSON).body("code", equalTo("ACCOUNT_DISABLED"));

        bearer(address, admin.tokens().access()).post(USERS + "/" + user.id() + "/enable").then()
                .statusCode(200).body("status", equalTo("active"));
        // past every replica's one-second cache, and into a later whole second than the disable (iat has seconds)
        Thread.sleep(1100);

        // enabled again: the old access token (still unexpired) and the old refresh token stay dead ...
        assertUnauthenticated(user.tokens().access());
        from(newAddress()).contentType(ContentType.JSON).body(Map.of("refresh_token", user.tokens().refresh()))
                .post("/api/v1/auth/refresh").then().statusCode(401).contentType(PROBLEM_JSON);
        // ... and a new login works
        String fresh = loginForm(newAddress(), user.username(), PASSWORD).then().statusCode(200)
                .extract().path("access_token");
        bearer(address, fresh).get(ME).then().statusCode(200).body("id", equalTo(user.id()));
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondTheClockSkew() {
        Instant now = Instant.now();
        String withinSkew = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(now.plusSeconds(5)).expiresAt(now.plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        bearer(newAddress(), withinSkew).get(ME).then().statusCode(200);

        String future = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(now.plusSeconds(120)).expiresAt(now.plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(future);
    }

    @Test
    void aTokenLivingLongerThanTheConfiguredAccessTokenLifetimeIsRefused() {
        Instant now = Instant.now();
        String exactly = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(now).expiresAt(now.plus(accessTokenTtl))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        bearer(newAddress(), exactly).get(ME).then().statusCode(200);

        String tooLong = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(now).expiresAt(now.plus(accessTokenTtl).plusSeconds(60))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(tooLong);
        // issued long ago with a far exp: not expired, but longer-lived than anything this service issues
        String backdated = Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(now.minus(Duration.ofDays(1))).expiresAt(now.plusSeconds(60))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
        assertUnauthenticated(backdated);
    }

    @Test
    void aPlainUserIsForbiddenOnAdminRoutes() {
        String address = newAddress();
        bearer(address, user.tokens().access()).get(USERS).then()
                .statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FORBIDDEN"));
        bearer(address, user.tokens().access()).contentType(ContentType.JSON)
                .body(Map.of("label", "mine", "scopes", List.of("admin")))
                .post("/api/v1/admin/api-keys").then()
                .statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FORBIDDEN"));
        bearer(address, user.tokens().access()).get("/api/v1/admin/api-keys").then().statusCode(403);
        bearer(address, user.tokens().access()).post(USERS + "/" + user.id() + "/disable").then().statusCode(403);
        bearer(address, user.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put(USERS + "/" + user.id() + "/roles").then().statusCode(403);
    }

    @Test
    void anAdminListsUsersAndChangesRoles() {
        Account admin = newAdmin(admins);
        String address = newAddress();

        bearer(address, admin.tokens().access()).queryParam("limit", 5).get(USERS).then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("limit", equalTo(5))
                .body("total", greaterThanOrEqualTo(2))
                .body("items.size()", lessThanOrEqualTo(5))
                .body("items", everyItem(hasKey("id")))
                .body("items", everyItem(not(hasKey("password_hash"))))
                .body("items[0].id", equalTo(admin.id()));   // newest first: the admin was created last

        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("manager")))
                .put(USERS + "/" + user.id() + "/roles").then()
                .statusCode(200)
                .body("id", equalTo(user.id()))
                .body("roles", contains("manager"));

        // roles come from the account, not the token: the user's existing token becomes an admin's within a second
        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("admin")))
                .put(USERS + "/" + user.id() + "/roles").then().statusCode(200).body("roles", contains("admin"));
        eventually(Duration.ofMillis(1500),
                () -> bearer(address, user.tokens().access()).get(USERS).then().statusCode(200));
        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("user")))
                .put(USERS + "/" + user.id() + "/roles").then().statusCode(200);
        eventually(Duration.ofMillis(1500),
                () -> bearer(address, user.tokens().access()).get(USERS).then().statusCode(403));

        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("wizard")))
                .put(USERS + "/" + user.id() + "/roles").then()
                .statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("roles"));
        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of()))
                .put(USERS + "/" + user.id() + "/roles").then().statusCode(422).contentType(PROBLEM_JSON);
        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("user")))
                .put(USERS + "/" + UUID.randomUUID() + "/roles").then()
                .statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        Account admin = newAdmin(admins);
        String address = newAddress();
        bearer(address, admin.tokens().access()).contentType(ContentType.JSON).body(Map.of("roles", List.of("manager")))
                .put(USERS + "/" + admin.id() + "/roles").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("CANNOT_DEMOTE_SELF"));
        bearer(address, admin.tokens().access()).post(USERS + "/" + admin.id() + "/disable").then()
                .statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("CANNOT_DISABLE_SELF"));
        bearer(address, admin.tokens().access()).get(USERS).then().statusCode(200);
    }

    private static void assertUnauthenticated(String token) {
        from(newAddress()).header("Authorization", "Bearer " + token).get(ME).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo("UNAUTHENTICATED"));
        from(newAddress()).header("Authorization", "Bearer " + token).get(USERS).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON);
    }

    private String signed(Instant expiresAt) {
        return Jwt.issuer(issuer).subject(user.id()).groups(Set.of("user"))
                .issuedAt(Instant.now()).expiresAt(expiresAt)
                .jws().algorithm(SignatureAlgorithm.RS256).sign(realKey);
    }

    /** Hits or misses of the verified-token cache so far (Caffeine statistics published through Micrometer). */
    private double verifiedTokenCache(String result) {
        FunctionCounter counter = meters.find("cache.gets").tags("cache", "hexcore.jwt.verified", "result", result)
                .functionCounter();
        assertThat(counter).as("cache.gets{cache=hexcore.jwt.verified,result=%s}", result).isNotNull();
        return counter.count();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static PrivateKey readPrivateKey(Path pem) throws Exception {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
