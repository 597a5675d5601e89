package dev.hexcore.bootstrap.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.BotUsers.NewBotUser;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.PageRequest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The ozhivashki ledger on PostgreSQL: never negative under concurrent spends, each key applied once. */
@QuarkusTest
class CreditLedgerContractTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Inject
    CreditLedger ledger;
    @Inject
    BotUsers users;
    @Inject
    BotUserReader reader;
    @Inject
    UnitOfWork uow;

    private long userWith(int balance) {
        long chatId = ThreadLocalRandom.current().nextLong(1, 1L << 50);
        uow.run(() -> {
            users.register(new NewBotUser(chatId, "ledger", null, null, NOW));
            ledger.apply(CreditChange.grant(chatId, balance, CreditReason.PURCHASE, "purchase", NOW));
        });
        return chatId;
    }

    private int balance(long chatId) {
        return reader.find(chatId).orElseThrow().ozhivashki();
    }

    @Test
    void twoHundredConcurrentSpendsOfFiftyCreditsLeaveExactlyFiftySucceeded() throws Exception {
        long chatId = userWith(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> spends = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 200; i++) {
                String key = "spend-" + i;
                spends.add(threads.submit(() -> {
                    start.await();
                    try {
                        uow.run(() -> ledger.apply(CreditChange.spend(chatId, 1, key, NOW)));
                        return true;
                    } catch (InsufficientCreditsException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int succeeded = 0;
            for (Future<Boolean> spend : spends) if (spend.get()) succeeded++;
            assertThat(succeeded).isEqualTo(50);
        }
        assertThat(balance(chatId)).isZero();
        var entries = ledger.entries(chatId, new PageRequest(1, 100));
        assertThat(entries.total()).isEqualTo(51);
        assertThat(entries.items().stream().mapToInt(CreditEntry::amount).sum()).as("the entries sum to the balance")
                .isZero();
        assertThat(entries.items()).allSatisfy(e -> assertThat(e.balanceAfter()).isNotNegative());
    }

    @Test
    void aKeyIsAppliedOnceAndItsEntryAnsweredAgain() {
        long chatId = userWith(3);
        CreditEntry first = uow.inTransaction(() -> ledger.apply(CreditChange.spend(chatId, 2, "generation:a", NOW)));
        CreditEntry again = uow.inTransaction(() -> ledger.apply(CreditChange.spend(chatId, 2, "generation:a", NOW)));

        assertThat(again).isEqualTo(first);
        assertThat(first.balanceAfter()).isEqualTo(1);
        assertThat(balance(chatId)).isEqualTo(1);
        assertThatExceptionOfType(InsufficientCreditsException.class)
                .isThrownBy(() -> uow.run(() -> ledger.apply(CreditChange.spend(chatId, 2, "generation:b", NOW))))
                .satisfies(e -> assertThat(e.balance()).isEqualTo(1));
        assertThat(ledger.entries(chatId, new PageRequest(1, 20)).items()).extracting(CreditEntry::idempotencyKey)
                .containsExactly("generation:a", "purchase");
    }

    @Test
    void anUnknownUserHasNoBalanceToMove() {
        assertThatExceptionOfType(NotFoundException.class).isThrownBy(() -> uow.run(() ->
                ledger.apply(CreditChange.grant(-42, 1, CreditReason.WELCOME, "welcome", NOW))));
    }
}
