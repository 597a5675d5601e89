package dev.hexcore.bootstrap.journey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.bot.DrawingGenerationService;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GenerateCommand;
import dev.hexcore.application.bot.ReleaseAbandonedGenerationsUseCase;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.bootstrap.support.HexcoreTestInfrastructure;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.BotGenerations;
import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.BotUsers.NewBotUser;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.DrawingImages;
import dev.hexcore.domain.generation.ModelBadResponseException;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelUnavailableException;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A generation whose model fails gives the reserved ozhivashka back: the production beans (PostgreSQL, the gateway
 * with its pooled Gemini keys) with the image chain pointed at a Gemini model that WireMock makes fail.
 */
@QuarkusTest
class BotModelFailureTest {
    private static final Actor BOT = Actor.apiKey(UUID.randomUUID(), Set.of("bot"));

    @Inject BotUserReader reader;
    @Inject BotUsers users;
    @Inject CreditLedger ledger;
    @Inject BotGenerations generations;
    @Inject DrawingImages drawings;
    @Inject ModelGateway gateway;
    @Inject FileStorage storage;
    @Inject BotRules rules;
    @Inject UnitOfWork uow;
    @Inject Clock clock;
    @Inject IdGenerator ids;
    @Inject ReleaseAbandonedGenerationsUseCase sweeper;

    private DrawingGenerationService serviceOn(String model) {
        return new DrawingGenerationService(reader, users, ledger, generations, drawings, gateway, storage, rules,
                List.of(new ModelRef("gemini", model)), Duration.ofSeconds(5), Duration.ofMinutes(10), uow, clock, ids);
    }

    private long userWithOneCredit() {
        long chatId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        uow.run(() -> {
            users.register(new NewBotUser(chatId, "failing", null, null, clock.instant()));
            ledger.apply(CreditChange.grant(chatId, 1, CreditReason.WELCOME, "welcome", clock.instant()));
        });
        return chatId;
    }

    private static String stub(int status, String body) {
        String model = "gemini-bot-failing-" + UUID.randomUUID();
        HexcoreTestInfrastructure.providers().stubFor(post(urlPathEqualTo("/v1beta/models/" + model + ":generateContent"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
        return model;
    }

    private void assertReleased(long chatId, String code) {
        assertThat(reader.find(chatId).orElseThrow().ozhivashki()).isEqualTo(1);
        assertThat(reader.find(chatId).orElseThrow().generationCount()).isZero();
        assertThat(ledger.entries(chatId, new PageRequest(1, 20)).items()).extracting(CreditEntry::reason)
                .containsExactly(CreditReason.REFUND, CreditReason.GENERATION, CreditReason.WELCOME);
        BotGeneration failed = generations.page(chatId, new PageRequest(1, 20)).items().getFirst();
        assertThat(failed.status()).isEqualTo(BotGeneration.Status.FAILED);
        assertThat(failed.errorCode()).isEqualTo(code);
    }

    @Test
    void aModelThatRefusesTheDrawingCostsNothing() {
        String model = stub(200, "{\"promptFeedback\":{\"blockReason\":\"SAFETY\"},"
                + "\"usageMetadata\":{\"promptTokenCount\":9,\"totalTokenCount\":9}}");
        long chatId = userWithOneCredit();

        assertThatExceptionOfType(ModelBadResponseException.class).isThrownBy(() -> serviceOn(model)
                .generate(BOT, new GenerateCommand(chatId, BotJourneyTest.drawing(120, 90), "k-" + chatId)));

        assertReleased(chatId, ModelBadResponseException.CODE);
        assertThat(generations.findByKey(chatId, "k-" + chatId)).as("a failed attempt frees its key for a retry").isEmpty();
    }

    @Test
    void aModelOverItsQuotaIsUnavailableAndCostsNothing() {
        String model = stub(429, "{\"error\":{\"code\":429,\"message\":\"You exceeded your current quota.\","
                + "\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                + "\"retryDelay\":\"31s\"}]}}");
        long chatId = userWithOneCredit();

        assertThatExceptionOfType(ModelUnavailableException.class).isThrownBy(() -> serviceOn(model)
                .generate(BOT, new GenerateCommand(chatId, BotJourneyTest.drawing(120, 90), null)))
                .satisfies(e -> assertThat(e.retryAfter()).isPositive());

        assertReleased(chatId, ModelUnavailableException.CODE);
    }

    @Test
    void aGenerationLeftPendingByADeadProcessGetsItsCreditBackOnce() {
        long chatId = userWithOneCredit();
        UUID id = ids.next();
        java.time.Instant started = clock.instant().minus(Duration.ofMinutes(11));
        uow.run(() -> {
            ledger.apply(CreditChange.spend(chatId, 1, "generation:" + id, started));
            generations.start(id, chatId, "died-" + chatId, 0, started);
        });
        assertThat(reader.find(chatId).orElseThrow().ozhivashki()).isZero();

        assertThat(sweeper.releaseAbandoned()).isGreaterThanOrEqualTo(1);

        assertReleased(chatId, "ABANDONED");
        assertThat(sweeper.releaseAbandoned()).as("nothing of this user is left to release").isZero();
    }
}
