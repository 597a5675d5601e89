package dev.hexcore.bootstrap.wiring;

import dev.hexcore.adapters.documents.image.ImageIoDrawingImages;
import dev.hexcore.application.bot.BotUserService;
import dev.hexcore.application.bot.BotUsersUseCase;
import dev.hexcore.application.bot.DrawingGenerationService;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase;
import dev.hexcore.application.bot.ReleaseAbandonedGenerationsUseCase;
import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.domain.bot.BotGenerations;
import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.DrawingImages;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Telegram-bot backend (seed 003): its rules from {@code hexcore.bot.*}, the drawing preprocessor and the two
 * use cases. The image model chain is {@code hexcore.ai.chains.bot}, else the image chain.
 */
public class BotWiring {
    @Produces
    @Singleton
    BotRules botRules(@ConfigProperty(name = "hexcore.bot.welcome-ozhivashki", defaultValue = "1") int welcome,
                      @ConfigProperty(name = "hexcore.bot.referral-bonus", defaultValue = "1") int referral,
                      @ConfigProperty(name = "hexcore.bot.daily-bonus.zone", defaultValue = "Europe/Moscow") String zone,
                      @ConfigProperty(name = "hexcore.bot.daily-bonus.table", defaultValue = "1,1,2,2,3") List<Integer> table,
                      @ConfigProperty(name = "hexcore.bot.bonus-images", defaultValue = "2") int bonusImages,
                      @ConfigProperty(name = "hexcore.bot.bonus-streak-every", defaultValue = "3") int streakEvery,
                      @ConfigProperty(name = "hexcore.bot.discount-after-generations", defaultValue = "3") int discountAfter) {
        return new BotRules(welcome, referral, ZoneId.of(zone), table, BotRules.defaults().mainImages(), bonusImages,
                streakEvery, discountAfter);
    }

    @Produces
    @Singleton
    @Typed({DrawingImages.class, ImageIoDrawingImages.class})
    ImageIoDrawingImages drawingImages(
            @ConfigProperty(name = "hexcore.bot.max-image-pixels", defaultValue = "40000000") long maxPixels,
            @ConfigProperty(name = "hexcore.bot.max-image-side", defaultValue = "10000") int maxSide,
            @ConfigProperty(name = "hexcore.bot.model-input-size", defaultValue = "1024") int inputSize) {
        return new ImageIoDrawingImages(maxPixels, maxSide, inputSize);
    }

    void closeDrawingImages(@Disposes ImageIoDrawingImages drawings) {
        drawings.close();
    }

    @Produces
    @Singleton
    @Typed(BotUsersUseCase.class)
    BotUserService botUsers(BotUsers users, BotUserReader reader, CreditLedger ledger, BotRules rules, UnitOfWork uow,
                            Clock clock) {
        return new BotUserService(users, reader, ledger, rules, uow, clock);
    }

    @Produces
    @Singleton
    @Typed({GenerateFromDrawingUseCase.class, ReleaseAbandonedGenerationsUseCase.class})
    DrawingGenerationService drawingGeneration(BotUserReader reader, BotUsers users, CreditLedger ledger,
                                               BotGenerations generations, DrawingImages drawings, ModelGateway gateway,
                                               FileStorage storage, BotRules rules, ModelSettings settings, Config config,
                                               UnitOfWork uow, Clock clock, IdGenerator ids,
                                               @ConfigProperty(name = "hexcore.bot.model-budget", defaultValue = "PT60S")
                                               Duration budget,
                                               @ConfigProperty(name = "hexcore.bot.abandon-after", defaultValue = "PT10M")
                                               Duration abandonAfter) {
        List<ModelRef> chain = config.getOptionalValue(ModelSettings.PREFIX + "chains.bot", String.class)
                .filter(v -> !v.isBlank()).map(v -> settings.chain("bot")).orElseGet(() -> settings.chain("image"));
        return new DrawingGenerationService(reader, users, ledger, generations, drawings, gateway, storage, rules, chain,
                budget, abandonAfter, uow, clock, ids);
    }
}
