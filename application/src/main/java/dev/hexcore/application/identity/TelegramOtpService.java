package dev.hexcore.application.identity;

import dev.hexcore.domain.identity.TelegramIds;
import dev.hexcore.domain.identity.TelegramOtp;
import dev.hexcore.domain.identity.TelegramOtpRepository;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.identity.UserRepository;
import dev.hexcore.domain.port.MessageSender;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.shared.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Telegram OTP login. Codes live in the {@link TelegramOtpRepository} (PostgreSQL: every replica sees them), sends are
 * throttled through the shared {@link RateLimiter} (Redis when configured) per Telegram id, known or not.
 */
public final class TelegramOtpService implements TelegramLoginUseCase {
    private static final System.Logger LOG = System.getLogger(TelegramOtpService.class.getName());
    private static final int CODE_BOUND = 1_000_000;

    /** How often one Telegram id may ask for a code: {@code burst} per {@code perBurst}, and {@code hourly} per hour. */
    public record Throttle(RateLimitPolicy burst, RateLimitPolicy hourly) {
        public static Throttle defaults() {
            return new Throttle(new RateLimitPolicy("telegram-otp-send", 1, Duration.ofSeconds(60)),
                    new RateLimitPolicy("telegram-otp-send-hourly", 5, Duration.ofHours(1)));
        }
    }

    private final UserRepository users;
    private final TelegramOtpRepository otps;
    private final MessageSender messenger;
    private final SessionIssuer sessions;
    private final RateLimiter limiter;
    private final Throttle throttle;
    private final UnitOfWork uow;
    private final Clock clock;
    private final RandomGenerator secureRandom;

    public TelegramOtpService(UserRepository users, TelegramOtpRepository otps, MessageSender messenger,
                              SessionIssuer sessions, RateLimiter limiter, Throttle throttle, UnitOfWork uow,
                              Clock clock, RandomGenerator secureRandom) {
        this.users = users;
        this.otps = otps;
        this.messenger = messenger;
        this.sessions = sessions;
        this.limiter = limiter;
        this.throttle = throttle;
        this.uow = uow;
        this.clock = clock;
        this.secureRandom = secureRandom;
    }

    @Override
    public CodeRequested sendCode(long telegramId) {
        TelegramIds.require(telegramId);
        spend(telegramId, throttle.burst());
        spend(telegramId, throttle.hourly());
        Optional<User> user = users.findByTelegramId(telegramId).filter(User::isActive);
        if (user.isPresent()) {
            String code = newCode();
            uow.run(() -> otps.replace(TelegramOtp.issue(telegramId, code, clock.instant())));
            deliver(telegramId, code);
        }
        return new CodeRequested(TelegramOtp.TTL);
    }

    @Override
    public TokenPair verify(long telegramId, String code) {
        TelegramIds.require(telegramId);
        Optional<User> signedIn = uow.inTransaction(() -> check(telegramId, code == null ? "" : code.trim()));
        return sessions.startSession(signedIn.orElseThrow(
                () -> new AuthenticationException("INVALID_OTP", "The code is wrong, expired or already used")));
    }

    /** Consumes the code when it matches; a wrong guess is counted and the fifth one deletes the code. */
    private Optional<User> check(long telegramId, String code) {
        Optional<TelegramOtp> pending = otps.lock(telegramId);
        if (pending.isEmpty()) return Optional.empty();
        TelegramOtp otp = pending.get();
        if (otp.isExpiredAt(clock.instant())) {
            otps.delete(telegramId);
            return Optional.empty();
        }
        if (!otp.matches(code)) {
            TelegramOtp failed = otp.withFailedAttempt();
            if (failed.isExhausted()) otps.delete(telegramId);
            else otps.update(failed);
            return Optional.empty();
        }
        otps.delete(telegramId);
        return users.findByTelegramId(telegramId).filter(User::isActive);
    }

    private void spend(long telegramId, RateLimitPolicy policy) {
        RateLimitDecision decision = limiter.acquire(Long.toString(telegramId), policy).toCompletableFuture().join();
        if (decision.allowed()) return;
        Duration wait = decision.retryAfter();
        throw new TooManyRequestsException("OTP_THROTTLED",
                "A code was requested too recently; try again in " + Math.max(1, wait.toSeconds()) + " seconds",
                policy.limit(), wait);
    }

    /** The answer stays the same when Telegram refuses (no enumeration); the failure is logged without the code. */
    private void deliver(long telegramId, String code) {
        try {
            messenger.send(telegramId, "Your Hexcore login code: " + code + " (valid "
                    + TelegramOtp.TTL.toMinutes() + " minutes). Do not share it.");
        } catch (MessageSender.DeliveryException e) {
            LOG.log(System.Logger.Level.WARNING, "Telegram login code not delivered ({0}): {1}", e.failure(), e.getMessage());
        }
    }

    private String newCode() {
        return String.format("%0" + TelegramOtp.DIGITS + "d", secureRandom.nextInt(CODE_BOUND));
    }
}
