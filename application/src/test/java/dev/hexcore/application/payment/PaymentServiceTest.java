package dev.hexcore.application.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.application.bot.BotUserService;
import dev.hexcore.application.bot.BotUsersUseCase.RegisterBotUserCommand;
import dev.hexcore.application.bot.fakes.InMemoryBotStore;
import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatePaymentCommand;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatedPayment;
import dev.hexcore.application.payment.SettlePaymentsUseCase.Outcome;
import dev.hexcore.application.payment.SettlePaymentsUseCase.PaymentNotification;
import dev.hexcore.application.payment.fakes.InMemoryBotPayments;
import dev.hexcore.application.payment.fakes.InMemorySandboxPaymentStore;
import dev.hexcore.application.payment.fakes.ScriptedPaymentProvider;
import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.CreditPack;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PackCatalogue;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.payment.SandboxPayment;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.ForbiddenException;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.PageRequest;
import dev.hexcore.domain.shared.UuidV7Generator;
import dev.hexcore.domain.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Packs, the price check, settlement on the provider's word, refunds and debt, reconciliation and the sandbox page. */
class PaymentServiceTest {
    private static final Actor BOT = Actor.apiKey(UUID.randomUUID(), Set.of("bot"));
    private static final String TEN = "Пакет '10 Оживашек'";
    private static final PackCatalogue PACKS = new PackCatalogue(List.of(
            new CreditPack("10", TEN, 10, new Money(new BigDecimal("100.00"), "RUB")),
            new CreditPack("50", "Пакет '50 Оживашек'", 50, new Money(new BigDecimal("450.00"), "RUB"))));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final FakeUnitOfWork uow = new FakeUnitOfWork();
    private final InMemoryBotStore bot = new InMemoryBotStore(uow);
    private final InMemoryBotPayments payments = new InMemoryBotPayments(uow);
    private final ScriptedPaymentProvider provider = new ScriptedPaymentProvider();
    private final PaymentSettings settings = new PaymentSettings(PACKS, "https://t.me/OzhivlyatorBot", 100,
            Duration.ofHours(1), Duration.ofMinutes(10), 50);
    private final PaymentService service = new PaymentService(bot, payments, bot, new PaymentProviders("yookassa",
            Map.of("yookassa", provider)), settings, uow, clock, new UuidV7Generator(clock, RandomGenerator.of("L64X128MixRandom")));
    private final BotUserService users = new BotUserService(bot, bot, bot, BotRules.defaults(), uow, clock);

    {
        provider.inTransaction = uow::isActive;
    }

    private long newUser(long chatId) {
        users.register(BOT, new RegisterBotUserCommand(chatId, "u", null, null));
        return chatId;
    }

    private int balance(long chatId) {
        return bot.find(chatId).orElseThrow().ozhivashki();
    }

    private CreatedPayment buy(long chatId, String item, int quantity, String price) {
        return service.createPayment(BOT, new CreatePaymentCommand(chatId, item, quantity, new BigDecimal(price), null));
    }

    private Outcome notify(String event, String id) {
        return service.handle(new PaymentNotification(event, id, null));
    }

    private static List<String> fields(InvalidValueException e) {
        return e.errors().stream().map(InvalidValueException.FieldError::field).toList();
    }

    @Test
    void createSendsTheProviderWhatTheSeedAsksAndStoresAPendingPayment() {
        long chatId = newUser(42);
        CreatedPayment created = buy(chatId, TEN, 3, "300");
        assertThat(created.paymentUrl()).isEqualTo("https://pay.example/" + created.paymentId());
        NewPayment sent = provider.creates.getFirst();
        assertThat(sent.amount()).isEqualTo(new Money(new BigDecimal("300.00"), "RUB"));
        assertThat(sent.returnUrl()).isEqualTo("https://t.me/OzhivlyatorBot");
        assertThat(sent.description()).isEqualTo(TEN + " × 3");
        assertThat(sent.metadata()).isEqualTo(Map.of("chat_id", "42", "pack", "10", "quantity", "3"));
        assertThat(sent.idempotenceKey()).hasSizeLessThanOrEqualTo(64);
        assertThat(provider.calledInsideTransaction).as("no transaction open around the provider").isFalse();
        BotPayment stored = payments.find(created.paymentId()).orElseThrow();
        assertThat(stored.status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(stored.credits()).isEqualTo(30);
        assertThat(stored.provider()).isEqualTo("yookassa");
        assertThat(balance(chatId)).as("nothing granted before the provider says so").isEqualTo(1);
    }

    @Test
    void thePriceMustBeQuantityTimesThePacksPriceComparedByValue() {
        long chatId = newUser(43);
        assertThat(buy(chatId, TEN, 1, "100").paymentId()).isNotBlank();
        assertThat(buy(chatId, TEN, 1, "100.000").paymentId()).isNotBlank();
        assertThat(buy(chatId, "50", 2, "900.00").paymentId()).as("a pack's id names it too").isNotBlank();
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> buy(chatId, TEN, 1, "100.01"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("price"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> buy(chatId, TEN, 2, "100"))
                .satisfies(e -> assertThat(e.errors().getFirst().message()).contains("200.00"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> buy(chatId, "Пакет '7'", 1, "70"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("item_name"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> buy(chatId, TEN, 0, "0"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("quantity"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> buy(chatId, TEN, 101, "10100"))
                .satisfies(e -> assertThat(fields(e)).containsExactly("quantity"));
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> service.createPayment(BOT,
                new CreatePaymentCommand(chatId, null, null, null, null)))
                .satisfies(e -> assertThat(fields(e)).containsExactly("item_name", "quantity", "price"));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> buy(999, TEN, 1, "100"));
        assertThatExceptionOfType(ForbiddenException.class).isThrownBy(() -> service.createPayment(
                Actor.apiKey(UUID.randomUUID(), Set.of("profiles:read")), new CreatePaymentCommand(chatId, TEN, 1, BigDecimal.TEN, null)));
        assertThat(provider.creates).hasSize(3);
    }

    @Test
    void aClientsIdempotencyKeyReachesTheSameProviderPaymentAndCannotBuySomethingElse() {
        long chatId = newUser(44);
        var command = new CreatePaymentCommand(chatId, TEN, 1, new BigDecimal("100"), "client-key-1");
        CreatedPayment first = service.createPayment(BOT, command);
        CreatedPayment again = service.createPayment(BOT, command);
        assertThat(again.paymentId()).isEqualTo(first.paymentId());
        assertThat(again.replayed()).isTrue();
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> service.createPayment(BOT,
                new CreatePaymentCommand(chatId, TEN, 2, new BigDecimal("200"), "client-key-1")));
        // another user's same key is another purchase
        long other = newUser(45);
        assertThat(service.createPayment(BOT, new CreatePaymentCommand(other, TEN, 1, new BigDecimal("100"),
                "client-key-1")).paymentId()).isNotEqualTo(first.paymentId());
        // without a key, every request is a new payment
        assertThat(buy(chatId, TEN, 1, "100").paymentId()).isNotEqualTo(buy(chatId, TEN, 1, "100").paymentId());
    }

    @Test
    void aFailedCreateStoresNothingAndTheProvidersFailureReachesTheCaller() {
        long chatId = newUser(46);
        provider.failWith(new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, null, "timeout", null));
        assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> buy(chatId, TEN, 1, "100"))
                .satisfies(e -> assertThat(e.kind()).isEqualTo(PaymentProviderException.Kind.UNAVAILABLE));
        assertThat(payments.findByKey(chatId, "x")).isEmpty();
        assertThat(uow.commits()).isEqualTo(1); // the registration only
    }

    @Test
    void onlyTheProvidersSucceededAnswerCreditsAndOnlyOnce() {
        long chatId = newUser(47);
        String id = buy(chatId, TEN, 2, "200").paymentId();
        assertThat(notify("payment.succeeded", id)).as("the body says succeeded, the provider pending").isEqualTo(Outcome.PENDING);
        assertThat(balance(chatId)).isEqualTo(1);
        provider.set(id, PaymentStatus.WAITING_FOR_CAPTURE);
        assertThat(notify("payment.waiting_for_capture", id)).isEqualTo(Outcome.PENDING);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.WAITING_FOR_CAPTURE);
        provider.set(id, PaymentStatus.SUCCEEDED);
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.CREDITED);
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.ALREADY_SETTLED);
        assertThat(notify("payment.canceled", id)).isEqualTo(Outcome.ALREADY_SETTLED);
        assertThat(balance(chatId)).isEqualTo(21);
        CreditEntry entry = bot.entries(chatId, new PageRequest(1, 10)).items().getFirst();
        assertThat(entry.reason()).isEqualTo(CreditReason.PURCHASE);
        assertThat(entry.idempotencyKey()).isEqualTo("payment:" + id);
        assertThat(payments.find(id).orElseThrow().succeededAt()).isEqualTo(clock.instant());
        assertThat(provider.calledInsideTransaction).isFalse();
    }

    @Test
    void aCancellationIsRecordedWithItsReasonAndCreditsNothing() {
        long chatId = newUser(48);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(id, PaymentStatus.CANCELED);
        assertThat(service.handle(new PaymentNotification("payment.canceled", id, "expired_on_confirmation")))
                .isEqualTo(Outcome.CANCELED);
        BotPayment canceled = payments.find(id).orElseThrow();
        assertThat(canceled.status()).isEqualTo(PaymentStatus.CANCELED);
        assertThat(canceled.cancellationReason()).isEqualTo("expired_on_confirmation");
        assertThat(balance(chatId)).isEqualTo(1);
    }

    @Test
    void unknownPaymentsMismatchesAndOtherEventsMoveNothing() {
        long chatId = newUser(49);
        assertThat(notify("payment.succeeded", "nobody-knows")).isEqualTo(Outcome.UNKNOWN);
        assertThat(notify("payout.succeeded", "x")).isEqualTo(Outcome.IGNORED);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        provider.setAmount(id, new Money(new BigDecimal("1.00"), "RUB"));
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.MISMATCH);
        assertThat(balance(chatId)).isEqualTo(1);
        assertThat(notify("refund.succeeded", "no-such-refund")).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aPaidPaymentTheServiceNeverStoredIsAdoptedFromItsMetadataAndCreditedOnce() {
        long chatId = newUser(57);
        // created at the provider, then the service stopped before storing it
        String id = provider.create(new NewPayment("lost-key", new Money(new BigDecimal("450"), "RUB"), "x", "https://t.me/x",
                Map.of("chat_id", Long.toString(chatId), "pack", "50", "quantity", "1"))).id();
        provider.set(id, PaymentStatus.SUCCEEDED);
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.CREDITED);
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.ALREADY_SETTLED);
        assertThat(balance(chatId)).isEqualTo(51);
        assertThat(payments.find(id).orElseThrow().packId()).isEqualTo("50");
        // someone else's payment at the same shop (no metadata, or a price that is not the pack's) stays unknown
        String foreign = provider.create(new NewPayment("other", new Money(new BigDecimal("450"), "RUB"), "x", "https://t.me/x",
                Map.of())).id();
        String cheap = provider.create(new NewPayment("cheap", new Money(new BigDecimal("1"), "RUB"), "x", "https://t.me/x",
                Map.of("chat_id", Long.toString(chatId), "pack", "50", "quantity", "1"))).id();
        provider.set(foreign, PaymentStatus.SUCCEEDED);
        provider.set(cheap, PaymentStatus.SUCCEEDED);
        assertThat(notify("payment.succeeded", foreign)).isEqualTo(Outcome.UNKNOWN);
        assertThat(notify("payment.succeeded", cheap)).isEqualTo(Outcome.UNKNOWN);
        assertThat(balance(chatId)).isEqualTo(51);
    }

    @Test
    void aProviderThatCannotBeAskedLeavesThePaymentAsItWas() {
        long chatId = newUser(50);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        provider.failWith(new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, null, "down", null));
        assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> notify("payment.succeeded", id));
        assertThat(balance(chatId)).isEqualTo(1);
        assertThat(payments.find(id).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void aRefundTakesTheRefundedShareBackOncePerRefund() {
        long chatId = newUser(51);
        String id = buy(chatId, TEN, 2, "200").paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        notify("payment.succeeded", id);
        assertThat(balance(chatId)).isEqualTo(21);
        String half = provider.refund(id, "100.00");
        assertThat(notify("refund.succeeded", half)).isEqualTo(Outcome.REFUNDED);
        assertThat(notify("refund.succeeded", half)).isEqualTo(Outcome.ALREADY_SETTLED);
        assertThat(balance(chatId)).isEqualTo(11);
        String third = provider.refund(id, "33.33");
        notify("refund.succeeded", third);
        assertThat(balance(chatId)).as("floor(20 × 133.33 / 200) = 13 taken so far").isEqualTo(21 - 13);
        String rest = provider.refund(id, "66.67");
        notify("refund.succeeded", rest);
        assertThat(balance(chatId)).as("the whole amount refunded: all 20 back").isEqualTo(1);
        BotPayment refunded = payments.find(id).orElseThrow();
        assertThat(refunded.refundedCredits()).isEqualTo(20);
        assertThat(refunded.refundedAmount().value()).isEqualByComparingTo("200");
        assertThat(refunded.debt()).isZero();
        assertThat(bot.entries(chatId, new PageRequest(1, 10)).items().getFirst().reason())
                .isEqualTo(CreditReason.PURCHASE_REFUND);
    }

    @Test
    void aRefundLargerThanTheBalanceTakesWhatIsThereAndRecordsTheRestAsDebt() {
        long chatId = newUser(52);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        notify("payment.succeeded", id);
        uow.run(() -> bot.apply(CreditChange.spend(chatId, 8, "generation:1", clock.instant())));
        assertThat(balance(chatId)).isEqualTo(3);
        assertThat(notify("refund.succeeded", provider.refund(id, "100.00"))).isEqualTo(Outcome.REFUNDED);
        assertThat(balance(chatId)).as("never below zero").isZero();
        BotPayment p = payments.find(id).orElseThrow();
        assertThat(p.refundedCredits()).isEqualTo(10);
        assertThat(p.debt()).isEqualTo(7);
        assertThat(payments.refunds().getFirst().creditsTaken()).isEqualTo(3);
    }

    @Test
    void aRefundOfAPaymentNeverPaidMovesNothing() {
        long chatId = newUser(53);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        assertThat(notify("refund.succeeded", provider.refund(id, "100.00"))).isEqualTo(Outcome.MISMATCH);
        assertThat(balance(chatId)).isEqualTo(1);
    }

    @Test
    void aRefundNotifiedBeforeThePaymentsSuccessSettlesThePaymentFirst() {
        long chatId = newUser(56);
        String id = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        assertThat(notify("refund.succeeded", provider.refund(id, "50.00"))).isEqualTo(Outcome.REFUNDED);
        assertThat(balance(chatId)).as("granted 10, then 5 taken back").isEqualTo(1 + 10 - 5);
        assertThat(notify("payment.succeeded", id)).isEqualTo(Outcome.ALREADY_SETTLED);
    }

    @Test
    void reconciliationSettlesPaymentsLeftPendingForAnHourAndChecksEachAtMostEveryTenMinutes() {
        long chatId = newUser(54);
        String paid = buy(chatId, TEN, 1, "100").paymentId();
        String dropped = buy(chatId, TEN, 1, "100").paymentId();
        String waiting = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(paid, PaymentStatus.SUCCEEDED);
        provider.set(dropped, PaymentStatus.CANCELED);
        assertThat(service.reconcile().checked()).as("younger than an hour").isZero();
        clock.advance(Duration.ofMinutes(61));
        String young = buy(chatId, TEN, 1, "100").paymentId();
        provider.set(young, PaymentStatus.SUCCEEDED);
        var pass = service.reconcile();
        assertThat(pass).isEqualTo(new SettlePaymentsUseCase.Reconciliation(3, 1, 1, 0));
        assertThat(balance(chatId)).isEqualTo(11);
        assertThat(payments.find(waiting).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(service.reconcile().checked()).as("the still-pending one waits for its next check").isZero();
        clock.advance(Duration.ofMinutes(11));
        assertThat(service.reconcile().checked()).isEqualTo(1);
        assertThat(payments.find(young).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void theSandboxPageSettlesThroughTheSamePathOnceAndOnlyWhenTheSandboxIsActive() {
        InMemorySandboxPaymentStore store = new InMemorySandboxPaymentStore();
        PaymentProvider sandbox = new PaymentProvider() {
            @Override
            public ProviderPayment create(NewPayment p) {
                SandboxPayment s = store.create(new SandboxPayment(UUID.randomUUID().toString(), p.idempotenceKey(),
                        PaymentStatus.PENDING, p.amount(), p.description(), p.returnUrl(), p.metadata(), clock.instant()));
                return fetch(s.id()).orElseThrow();
            }

            @Override
            public Optional<ProviderPayment> fetch(String id) {
                return store.find(id).map(s -> new ProviderPayment(s.id(), s.status(), s.amount(),
                        new Money(BigDecimal.ZERO, "RUB"), "http://localhost/sandbox/payments/" + s.id(), s.metadata(),
                        s.createdAt()));
            }

            @Override
            public Optional<ProviderRefund> fetchRefund(String refundId) {
                return Optional.empty();
            }
        };
        PaymentService onSandbox = new PaymentService(bot, payments, bot, new PaymentProviders("sandbox",
                Map.of("sandbox", sandbox)), settings, uow, clock, UUID::randomUUID);
        SandboxCheckoutService checkout = new SandboxCheckoutService(true, store, onSandbox, clock);
        long chatId = newUser(55);
        String id = onSandbox.createPayment(BOT, new CreatePaymentCommand(chatId, TEN, 1, BigDecimal.valueOf(100), null))
                .paymentId();
        assertThat(checkout.show(id).description()).isEqualTo(TEN);
        assertThat(checkout.complete(id, true).outcome()).isEqualTo(Outcome.CREDITED);
        assertThat(checkout.complete(id, true).outcome()).isEqualTo(Outcome.ALREADY_SETTLED);
        assertThat(balance(chatId)).isEqualTo(11);
        assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> checkout.complete(id, false));
        String other = onSandbox.createPayment(BOT, new CreatePaymentCommand(chatId, TEN, 1, BigDecimal.valueOf(100), null))
                .paymentId();
        assertThat(checkout.complete(other, false).outcome()).isEqualTo(Outcome.CANCELED);
        assertThat(payments.find(other).orElseThrow().cancellationReason()).isEqualTo("canceled_by_customer");
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> checkout.show("nope"));
        SandboxCheckoutService off = new SandboxCheckoutService(false, store, onSandbox, clock);
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> off.show(id));
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> off.complete(other, true));
    }

    @Test
    void theProviderKeyOfAClientKeyIsAStableHashThatFitsYooKassasSixtyFourCharacters() {
        String key = PaymentService.providerKey(42, "retry-1");
        assertThat(key).isEqualTo("bot-dbd10ce100199f904fb4030b03600b88b3de525ea587389d621812564586").hasSize(64);
        assertThat(PaymentService.providerKey(43, "retry-1")).isNotEqualTo(key);
    }
}
