package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.bot.BotUsersUseCase;
import dev.hexcore.application.bot.BotUsersUseCase.RegisterBotUserCommand;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatePaymentCommand;
import dev.hexcore.application.payment.PaymentProviders;
import dev.hexcore.application.payment.PaymentService;
import dev.hexcore.application.payment.PaymentSettings;
import dev.hexcore.application.payment.SettlePaymentsUseCase.Outcome;
import dev.hexcore.application.payment.SettlePaymentsUseCase.PaymentNotification;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.bootstrap.support.TestPaymentProvider;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once settlement on PostgreSQL (ADR 0028): the payment use case over the real payments table, ledger and
 * transactions, with many deliveries of one notification at once, as YooKassa's retries or two replicas would make.
 * Each delivery has its own transaction, as each webhook request does.
 */
@QuarkusTest
class PaymentSettlementContractTest {
    static final Actor BOT = Actor.apiKey(UUID.randomUUID(), Set.of("bot"));
    static final String TEN = "Пакет '10 Оживашек'";

    @Inject
    BotUsersUseCase users;
    @Inject
    BotUserReader reader;
    @Inject
    BotPayments payments;
    @Inject
    CreditLedger ledger;
    @Inject
    UnitOfWork uow;
    @Inject
    Clock clock;
    @Inject
    IdGenerator ids;
    @Inject
    PaymentSettings settings;

    private final TestPaymentProvider provider = new TestPaymentProvider();

    private PaymentService service() {
        return new PaymentService(reader, payments, ledger, new PaymentProviders("test", Map.of("test", provider)),
                settings, uow, clock, ids);
    }

    private long newUser() {
        long chatId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        users.register(BOT, new RegisterBotUserCommand(chatId, "payer", null, null));
        return chatId;
    }

    private int balance(long chatId) {
        return reader.find(chatId).orElseThrow().ozhivashki();
    }

    private String paid(PaymentService service, long chatId, int quantity) {
        String id = service.createPayment(BOT, new CreatePaymentCommand(chatId, TEN, quantity,
                BigDecimal.valueOf(100L * quantity), null)).paymentId();
        provider.set(id, PaymentStatus.SUCCEEDED);
        return id;
    }

    /** Runs every task at the same moment on its own virtual thread; answers their results. */
    static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        }
    }

    @Test
    void tenConcurrentDuplicateNotificationsCreditOnce() throws Exception {
        PaymentService service = service();
        long chatId = newUser();
        String id = paid(service, chatId, 3);
        List<Callable<Outcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.add(() -> service.handle(new PaymentNotification("payment.succeeded", id, null)));
        }
        List<Outcome> outcomes = atOnce(deliveries);
        assertThat(outcomes).containsOnlyOnce(Outcome.CREDITED).containsOnly(Outcome.CREDITED, Outcome.ALREADY_SETTLED);
        assertThat(balance(chatId)).isEqualTo(1 + 30);
        List<CreditEntry> purchases = ledger.entries(chatId, new PageRequest(1, 100)).items().stream()
                .filter(e -> e.reason() == CreditReason.PURCHASE).toList();
        assertThat(purchases).hasSize(1).first().extracting(CreditEntry::idempotencyKey).isEqualTo("payment:" + id);
        BotPayment stored = payments.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(reader.find(chatId).orElseThrow().paymentsJson()).contains("\"" + id + "\": \"succeeded\"");
    }

    @Test
    void successAndRefundsDeliveredConcurrentlyAreEachAppliedOnce() throws Exception {
        PaymentService service = service();
        long chatId = newUser();
        String id = paid(service, chatId, 2);            // 20 ozhivashki for 200.00
        String half = provider.refund(id, new BigDecimal("100.00"));
        String quarter = provider.refund(id, new BigDecimal("50.00"));
        List<Callable<Outcome>> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(() -> service.handle(new PaymentNotification("payment.succeeded", id, null)));
            deliveries.add(() -> service.handle(new PaymentNotification("refund.succeeded", half, null)));
            deliveries.add(() -> service.handle(new PaymentNotification("refund.succeeded", quarter, null)));
        }
        List<Outcome> outcomes = atOnce(deliveries);
        // a refund delivered first settles the payment itself (and answers REFUNDED), so at most one CREDITED answer;
        // the ledger shows the one purchase either way
        assertThat(outcomes.stream().filter(o -> o == Outcome.CREDITED).count()).isLessThanOrEqualTo(1);
        assertThat(outcomes.stream().filter(o -> o == Outcome.REFUNDED)).hasSize(2);
        assertThat(balance(chatId)).as("1 + 20 - 10 - 5").isEqualTo(6);
        BotPayment stored = payments.find(id).orElseThrow();
        assertThat(stored.refundedCredits()).isEqualTo(15);
        assertThat(stored.refundedAmount().value()).isEqualByComparingTo("150.00");
        assertThat(stored.debt()).isZero();
        var entries = ledger.entries(chatId, new PageRequest(1, 100)).items();
        assertThat(entries.stream().mapToInt(CreditEntry::amount).sum()).isEqualTo(balance(chatId));
        assertThat(entries).filteredOn(e -> e.reason() == dev.hexcore.domain.bot.CreditReason.PURCHASE)
                .extracting(CreditEntry::amount).containsExactly(20);
    }

    @Test
    void aRefundBeyondTheBalanceTakesWhatIsThereAndKeepsTheRestAsDebt() {
        PaymentService service = service();
        long chatId = newUser();
        String id = paid(service, chatId, 1);
        service.handle(new PaymentNotification("payment.succeeded", id, null));
        uow.run(() -> ledger.apply(dev.hexcore.domain.bot.CreditChange.spend(chatId, 9, "generation:x", clock.instant())));
        assertThat(service.handle(new PaymentNotification("refund.succeeded", provider.refund(id, new BigDecimal("100")),
                null))).isEqualTo(Outcome.REFUNDED);
        assertThat(balance(chatId)).isZero();
        BotPayment stored = payments.find(id).orElseThrow();
        assertThat(stored.refundedCredits()).isEqualTo(10);
        assertThat(stored.debt()).isEqualTo(8);
    }

    @Test
    void reconciliationClaimsEachUnsettledPaymentForOneCallerAtATime() {
        PaymentService service = service();
        long chatId = newUser();
        String id = service.createPayment(BOT, new CreatePaymentCommand(chatId, TEN, 1, BigDecimal.valueOf(100), null))
                .paymentId();
        Instant later = clock.instant().plus(Duration.ofHours(2));
        List<BotPayment> first = uow.inTransaction(() -> payments.claimUnsettled(later.minus(Duration.ofHours(1)), later,
                later.plus(Duration.ofMinutes(10)), 1000));
        assertThat(first).extracting(BotPayment::paymentId).contains(id);
        List<BotPayment> second = uow.inTransaction(() -> payments.claimUnsettled(later.minus(Duration.ofHours(1)), later,
                later.plus(Duration.ofMinutes(10)), 1000));
        assertThat(second).extracting(BotPayment::paymentId).doesNotContain(id);
        Instant afterLease = later.plus(Duration.ofMinutes(11));
        assertThat(uow.inTransaction(() -> payments.claimUnsettled(afterLease.minus(Duration.ofHours(1)), afterLease,
                afterLease.plus(Duration.ofMinutes(10)), 1000))).extracting(BotPayment::paymentId).contains(id);
    }
}
