package dev.hexcore.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hexcore.application.identity.fakes.FakeAccessTokenIssuer;
import dev.hexcore.application.identity.fakes.FakePasswordHasher;
import dev.hexcore.application.identity.fakes.FakeRateLimiter;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.identity.fakes.InMemoryRefreshTokenRepository;
import dev.hexcore.application.identity.fakes.InMemoryUserRepository;
import dev.hexcore.domain.identity.Role;
import dev.hexcore.domain.identity.TelegramOtp;
import dev.hexcore.domain.identity.TelegramOtpRepository;
import dev.hexcore.domain.identity.User;
import dev.hexcore.domain.port.MessageSender;
import dev.hexcore.domain.shared.AuthenticationException;
import dev.hexcore.domain.shared.TooManyRequestsException;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramOtpServiceTest {
    private static final long LINKED = 123456789L;
    private static final long UNKNOWN = 987654321L;
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private MutableClock clock;
    private FakeUnitOfWork uow;
    private InMemoryUserRepository users;
    private InMemoryRefreshTokenRepository refreshTokens;
    private Map<Long, TelegramOtp> stored;
    private List<String> sent;
    private MessageSender.Failure failWith;
    private TelegramOtpService service;
    private User user;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        uow = new FakeUnitOfWork();
        users = new InMemoryUserRepository(uow);
        refreshTokens = new InMemoryRefreshTokenRepository(uow);
        stored = new HashMap<>();
        sent = new ArrayList<>();
        AuthService auth = new AuthService(users, refreshTokens, new FakePasswordHasher(), new FakeAccessTokenIssuer(),
                new FakeRateLimiter(clock), uow, clock, new UuidV7Generator(clock, new SplittableRandom(1)),
                new SplittableRandom(2), AuthSettings.defaults());
        MessageSender messenger = (chatId, text) -> {
            if (failWith != null) throw new MessageSender.DeliveryException(failWith, "Forbidden: bot was blocked by the user");
            sent.add(chatId + " " + text);
        };
        service = new TelegramOtpService(users, new MapOtps(stored), messenger, auth, new FakeRateLimiter(clock),
                TelegramOtpService.Throttle.defaults(), uow, clock, new SplittableRandom(3));
        user = User.register(UUID.randomUUID(), "tg_user", "tg@example.com", "h", Set.of(Role.USER), null, null,
                clock.instant());
        user.linkTelegram(LINKED, clock.instant());
        uow.run(() -> users.save(user));
    }

    @Test
    void theCodeSentToTheLinkedChatSignsInOnceAndIsStoredOnlyHashed() {
        var answer = service.sendCode(LINKED);

        assertThat(answer.expiresIn()).isEqualTo(Duration.ofMinutes(5));
        String code = lastCode();
        assertThat(sent.getFirst()).startsWith(LINKED + " ");
        assertThat(stored.get(LINKED).codeHash()).hasSize(64).doesNotContain(code);

        TokenPair tokens = service.verify(LINKED, code);
        assertThat(tokens.accessToken()).isNotBlank();
        assertThat(refreshTokens.findByHash(dev.hexcore.domain.shared.Sha256.hex(tokens.refreshToken()))).get()
                .satisfies(token -> assertThat(token.userId()).isEqualTo(user.id()));

        assertInvalid(() -> service.verify(LINKED, code));   // single use
    }

    @Test
    void anExpiredCodeIsRefused() {
        service.sendCode(LINKED);
        String code = lastCode();
        clock.advance(Duration.ofMinutes(5));

        assertInvalid(() -> service.verify(LINKED, code));
    }

    @Test
    void theFifthWrongGuessKillsTheCodeEvenForTheRightOneAfterwards() {
        service.sendCode(LINKED);
        String code = lastCode();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 4; i++) assertInvalid(() -> service.verify(LINKED, wrong));
        assertThat(stored.get(LINKED).attempts()).isEqualTo(4);
        assertInvalid(() -> service.verify(LINKED, wrong));

        assertInvalid(() -> service.verify(LINKED, code));
    }

    @Test
    void fourWrongGuessesStillLeaveTheRightCodeWorking() {
        service.sendCode(LINKED);
        String code = lastCode();
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int i = 0; i < 4; i++) assertInvalid(() -> service.verify(LINKED, wrong));

        assertThat(service.verify(LINKED, code).accessToken()).isNotBlank();
    }

    @Test
    void aNewCodeReplacesTheOldOne() {
        service.sendCode(LINKED);
        String first = lastCode();
        clock.advance(Duration.ofSeconds(61));
        service.sendCode(LINKED);
        String second = lastCode();

        if (!first.equals(second)) assertInvalid(() -> service.verify(LINKED, first));
        assertThat(service.verify(LINKED, second).accessToken()).isNotBlank();
    }

    @Test
    void sendsAreThrottledToOnePerMinuteAndFivePerHour() {
        service.sendCode(LINKED);
        assertThatThrownBy(() -> service.sendCode(LINKED)).isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).code()).isEqualTo("OTP_THROTTLED"));
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(60));
            service.sendCode(LINKED);
        }
        clock.advance(Duration.ofSeconds(60));
        assertThatThrownBy(() -> service.sendCode(LINKED)).isInstanceOf(TooManyRequestsException.class);
        assertThat(sent).hasSize(5);

        clock.advance(Duration.ofMinutes(12));
        service.sendCode(LINKED);
        assertThat(sent).hasSize(6);
    }

    @Test
    void anUnknownTelegramIdGetsTheSameAnswersAndTheSameThrottle() {
        assertThat(service.sendCode(UNKNOWN)).isEqualTo(service.sendCode(LINKED));
        assertThat(sent).hasSize(1);
        assertThat(stored).containsOnlyKeys(LINKED);
        assertThatThrownBy(() -> service.sendCode(UNKNOWN)).isInstanceOf(TooManyRequestsException.class);
        assertInvalid(() -> service.verify(UNKNOWN, "123456"));
    }

    @Test
    void aDisabledAccountGetsNoCodeAndCannotUseOneItAlreadyHas() {
        service.sendCode(LINKED);
        String code = lastCode();
        User loaded = users.findById(user.id()).orElseThrow();
        loaded.disable(clock.instant());
        uow.run(() -> users.save(loaded));

        assertInvalid(() -> service.verify(LINKED, code));
        clock.advance(Duration.ofSeconds(61));
        service.sendCode(LINKED);
        assertThat(sent).hasSize(1);
    }

    @Test
    void aRefusedDeliveryAnswersTheSame() {
        failWith = MessageSender.Failure.RECIPIENT_UNREACHABLE;

        assertThat(service.sendCode(LINKED).expiresIn()).isEqualTo(Duration.ofMinutes(5));
        assertThat(sent).isEmpty();
    }

    private String lastCode() {
        Matcher matcher = CODE.matcher(sent.getLast());
        assertThat(matcher.find()).as("a 6-digit code in %s", sent.getLast()).isTrue();
        return matcher.group(1);
    }

    private static void assertInvalid(Runnable verification) {
        assertThatThrownBy(verification::run).isInstanceOf(AuthenticationException.class)
                .satisfies(e -> assertThat(((AuthenticationException) e).code()).isEqualTo("INVALID_OTP"));
    }

    /** The repository port on a map; the fake unit of work has no locks, so "lock" is a plain read. */
    private record MapOtps(Map<Long, TelegramOtp> rows) implements TelegramOtpRepository {
        @Override
        public void replace(TelegramOtp otp) {
            rows.put(otp.telegramId(), otp);
        }

        @Override
        public Optional<TelegramOtp> lock(long telegramId) {
            return Optional.ofNullable(rows.get(telegramId));
        }

        @Override
        public void update(TelegramOtp otp) {
            rows.put(otp.telegramId(), otp);
        }

        @Override
        public void delete(long telegramId) {
            rows.remove(telegramId);
        }
    }
}
