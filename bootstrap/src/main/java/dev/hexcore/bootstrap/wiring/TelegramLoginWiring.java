package dev.hexcore.bootstrap.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.adapters.messaging.LogMessageSender;
import dev.hexcore.adapters.messaging.telegram.TelegramBotMessenger;
import dev.hexcore.application.identity.SessionIssuer;
import dev.hexcore.application.identity.TelegramLoginUseCase;
import dev.hexcore.application.identity.TelegramOtpService;
import dev.hexcore.domain.identity.TelegramOtpRepository;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.MessageSender;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.quota.RateLimiter;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Telegram OTP login and the messenger it sends through: the Bot API when a bot token is set, the log otherwise. */
public class TelegramLoginWiring {
    @Produces
    @Singleton
    MessageSender messageSender(@ConfigProperty(name = "hexcore.telegram.bot-token") Optional<String> botToken,
                                @ConfigProperty(name = "hexcore.telegram.api-base-url", defaultValue = "https://api.telegram.org")
                                String baseUrl, ObjectMapper mapper) {
        return botToken.filter(token -> !token.isBlank())
                .<MessageSender>map(token -> new TelegramBotMessenger(baseUrl, token, mapper))
                .orElseGet(LogMessageSender::new);
    }

    @Produces
    @Singleton
    @Typed(TelegramLoginUseCase.class)
    TelegramOtpService telegramLogin(UserRepository users, TelegramOtpRepository otps, MessageSender messenger,
                                     SessionIssuer sessions, RateLimiter limiter, UnitOfWork uow, Clock clock,
                                     RandomGenerator secureRandom) {
        return new TelegramOtpService(users, otps, messenger, sessions, limiter, TelegramOtpService.Throttle.defaults(),
                uow, clock, secureRandom);
    }
}
