package dev.hexcore.bootstrap.journey;

import static dev.hexcore.bootstrap.support.Journeys.createKey;
import static dev.hexcore.bootstrap.support.Journeys.from;
import static dev.hexcore.bootstrap.support.Journeys.newAddress;
import static dev.hexcore.bootstrap.support.Journeys.newAdmin;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The sandbox's confirmation page in a real browser: headless Chromium (Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; skipped with a message when either is missing; {@code .ci/run} installs them) opens
 * the page the sandbox's payment_url names, clicks "Оплатить", and sees the result page; the user's balance is then
 * credited through the same settlement path as a YooKassa notification.
 */
@QuarkusTest
class SandboxCheckoutBrowserTest {
    private static final Path CHROMIUM = Path.of(System.getProperty("hexcore.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("hexcore.chromedriver", "/usr/bin/chromedriver"));

    @Inject
    EnsureAdminUseCase admins;

    @TestHTTPResource("/")
    URL app;

    @Test
    void clickingPayOnTheSandboxPageCreditsTheUser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (" + CHROMIUM + ", " + CHROMEDRIVER
                        + "): skipping the browser test; apt-get install chromium chromium-driver, or run .ci/run");
        String key = createKey(newAdmin(admins), "[\"bot\"]", 1000).secret();
        RequestSpecification bot = from(newAddress()).header("api-key", key);
        long chatId = PaymentJourneyTest.newUser(bot);
        String paymentUrl = from(newAddress()).header("api-key", key).contentType(ContentType.JSON)
                .body("{\"item_name\":\"Пакет '10 Оживашек'\",\"quantity\":1,\"price\":100.00}")
                .post("/api/v1/bot/users/" + chatId + "/create_payment").then().statusCode(200)
                .extract().path("payment_url");
        String page = URI.create(app.toString()).resolve(PaymentJourneyTest.path(paymentUrl)).toString();

        Path profile = Files.createTempDirectory("hexcore-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.get(page);
            assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("100.00 RUB");
            assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("Пакет '10 Оживашек'");
            browser.findElement(By.id("pay")).click();
            assertThat(browser.findElement(By.id("result")).getText()).isEqualTo("Оплата прошла");
            assertThat(browser.findElement(By.id("return")).getAttribute("href")).startsWith("https://t.me/");
            assertThat(browser.getCurrentUrl()).endsWith(PaymentJourneyTest.path(paymentUrl) + "/succeed");
        } finally {
            browser.quit();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        from(newAddress()).header("api-key", key).get("/api/v1/bot/users/" + chatId).then().statusCode(200)
                .body("ozhivashki", org.hamcrest.Matchers.equalTo(11));
    }
}
