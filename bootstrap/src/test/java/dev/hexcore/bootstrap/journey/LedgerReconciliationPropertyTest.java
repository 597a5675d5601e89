package dev.hexcore.bootstrap.journey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.bot.BotUsersUseCase;
import dev.hexcore.application.bot.BotUsersUseCase.RegisterBotUserCommand;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GenerateCommand;
import dev.hexcore.application.payment.BuyOzhivashkiUseCase.CreatePaymentCommand;
import dev.hexcore.application.payment.PaymentProviders;
import dev.hexcore.application.payment.PaymentService;
import dev.hexcore.application.payment.PaymentSettings;
import dev.hexcore.application.payment.SettlePaymentsUseCase.PaymentNotification;
import dev.hexcore.bootstrap.support.TestPaymentProvider;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.CreditPack;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A seeded random run (the seed is printed; {@code -Dhexcore.ledger.seed} repeats one) of purchases paid, canceled or
 * left pending, duplicated notifications, generations (some refused for want of ozhivashki) and partial and full
 * refunds, all through the use cases on PostgreSQL. Afterwards, for every user: the ledger's entries add up to the
 * balance, no entry left it negative, every purchase that succeeded was granted once, and every refunded ozhivashka
 * was either taken back or is recorded as debt.
 */
@QuarkusTest
class LedgerReconciliationPropertyTest {
    private static final Actor BOT = Actor.apiKey(UUID.randomUUID(), Set.of("bot"));
    private static final byte[] DRAWING = BotJourneyTest.drawing(64, 64);

    @Inject
    BotUsersUseCase users;
    @Inject
    GenerateFromDrawingUseCase generations;
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

    @Test
    void theLedgerAddsUpForEveryUserAfterARandomRun() {
        long seed = Long.getLong("hexcore.ledger.seed", System.nanoTime());
        System.out.println("LedgerReconciliationPropertyTest seed: " + seed + " (repeat with -Dhexcore.ledger.seed=" + seed + ")");
        Random random = new Random(seed);
        TestPaymentProvider provider = new TestPaymentProvider();
        PaymentService service = new PaymentService(reader, payments, ledger,
                new PaymentProviders("yookassa", Map.of("yookassa", provider)), settings, uow, clock, ids);
        List<CreditPack> packs = settings.catalogue().packs();

        List<Long> chats = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long chatId = random.nextLong(1, 1L << 50);
            assertThat(users.register(BOT, new RegisterBotUserCommand(chatId, "prop", null, null)).created()).isTrue();
            chats.add(chatId);
        }
        Map<Long, List<String>> paymentsOf = new HashMap<>();
        List<String> paid = new ArrayList<>();
        int refused = 0;
        for (int step = 0; step < 150; step++) {
            long chatId = chats.get(random.nextInt(chats.size()));
            int action = random.nextInt(10);
            if (action < 4) {                                       // a purchase: paid, canceled or left pending
                CreditPack pack = packs.get(random.nextInt(packs.size()));
                int quantity = 1 + random.nextInt(2);
                String id = service.createPayment(BOT, new CreatePaymentCommand(chatId, pack.title(), quantity,
                        pack.priceOf(quantity).value(), random.nextBoolean() ? null : "k-" + step)).paymentId();
                paymentsOf.computeIfAbsent(chatId, c -> new ArrayList<>()).add(id);
                int fate = random.nextInt(4);
                if (fate < 2) {
                    provider.set(id, PaymentStatus.SUCCEEDED);
                    paid.add(id);
                } else if (fate == 2) {
                    provider.set(id, PaymentStatus.CANCELED);
                }
                for (int d = 1 + random.nextInt(3); d > 0; d--) {    // YooKassa may deliver more than once
                    service.handle(new PaymentNotification(fate == 2 ? "payment.canceled" : "payment.succeeded", id, null));
                }
            } else if (action < 8) {                                // a generation, refused at a zero balance
                try {
                    generations.generate(BOT, new GenerateCommand(chatId, DRAWING, random.nextInt(4) == 0 ? "g-" + step : null));
                } catch (InsufficientCreditsException e) {
                    refused++;
                }
            } else if (!paid.isEmpty()) {                           // a partial or full refund, maybe delivered twice
                String id = paid.get(random.nextInt(paid.size()));
                ProviderPayment p = provider.fetch(id).orElseThrow();
                BigDecimal left = p.amount().value().subtract(p.refundedAmount().value());
                if (left.signum() == 0) continue;
                BigDecimal amount = random.nextBoolean() ? left
                        : left.multiply(BigDecimal.valueOf(1 + random.nextInt(99))).divide(BigDecimal.valueOf(100), 2,
                        RoundingMode.DOWN).max(new BigDecimal("0.01"));
                String refund = provider.refund(id, amount);
                for (int d = 1 + random.nextInt(2); d > 0; d--) {
                    service.handle(new PaymentNotification("refund.succeeded", refund, null));
                }
            }
        }

        int debtSeen = 0;
        for (long chatId : chats) {
            int balance = reader.find(chatId).orElseThrow().ozhivashki();
            var page = ledger.entries(chatId, new PageRequest(1, 100));
            assertThat(page.total()).as("one page holds the run").isLessThanOrEqualTo(100);
            List<CreditEntry> entries = page.items();
            assertThat(entries.stream().mapToInt(CreditEntry::amount).sum()).as("entries of %d", chatId).isEqualTo(balance);
            assertThat(balance).isNotNegative();
            assertThat(entries).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
            int granted = 0;
            int refundedCredits = 0;
            int debt = 0;
            for (String id : paymentsOf.getOrDefault(chatId, List.of())) {
                BotPayment p = payments.find(id).orElseThrow();
                assertThat(p.status()).isEqualTo(provider.fetch(id).orElseThrow().status());
                if (p.status() == PaymentStatus.SUCCEEDED) granted += p.credits();
                refundedCredits += p.refundedCredits();
                debt += p.debt();
                assertThat(p.debt()).isBetween(0, p.refundedCredits());
            }
            int purchases = entries.stream().filter(e -> e.reason() == CreditReason.PURCHASE).mapToInt(CreditEntry::amount).sum();
            int takenBack = -entries.stream().filter(e -> e.reason() == CreditReason.PURCHASE_REFUND)
                    .mapToInt(CreditEntry::amount).sum();
            assertThat(purchases).as("each succeeded purchase granted once").isEqualTo(granted);
            assertThat(takenBack + debt).as("refunded ozhivashki are taken back or owed").isEqualTo(refundedCredits);
            debtSeen += debt;
        }
        System.out.println("LedgerReconciliationPropertyTest: " + paid.size() + " paid, " + refused
                + " generations refused, debt " + debtSeen);
    }
}
