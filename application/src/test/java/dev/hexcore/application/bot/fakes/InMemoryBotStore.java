package dev.hexcore.application.bot.fakes;

import dev.hexcore.application.identity.fakes.FakeUnitOfWork;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.BotGenerations;
import dev.hexcore.domain.bot.BotUser;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The bot's four ports in memory, with the PostgreSQL adapters' rules (conditional changes, keys applied once,
 * writes only inside a unit of work, rolled back with it).
 */
public final class InMemoryBotStore implements BotUsers, BotUserReader, CreditLedger, BotGenerations {
    private final FakeUnitOfWork uow;
    private Map<Long, BotUser> users = new HashMap<>();
    private List<CreditEntry> entries = new ArrayList<>();
    private Map<UUID, BotGeneration> generations = new LinkedHashMap<>();
    /** Thrown once by the next {@link #recordGeneration}, as a database failing mid-transaction would. */
    public RuntimeException nextRecordGenerationFailure;

    public InMemoryBotStore(FakeUnitOfWork uow) {
        this.uow = uow;
        uow.enlist(() -> {
            var u = new HashMap<>(users);
            var e = new ArrayList<>(entries);
            var g = new LinkedHashMap<>(generations);
            return () -> {
                users = u;
                entries = e;
                generations = g;
            };
        });
    }

    @Override
    public Optional<BotUser> find(long chatId) {
        return Optional.ofNullable(users.get(chatId));
    }

    @Override
    public boolean register(NewBotUser u) {
        uow.requireActive();
        if (users.containsKey(u.chatId())) return false;
        users.put(u.chatId(), new BotUser(u.chatId(), u.username(), 0, 0, null, u.at(), u.referredBy(), false, null, null,
                0, false, u.at(), u.advertisingSource(), "{}"));
        return true;
    }

    private void change(long chatId, UnaryOperator<BotUser> change) {
        uow.requireActive();
        users.computeIfPresent(chatId, (id, user) -> change.apply(user));
    }

    @Override
    public boolean claimDailyBonus(long chatId, LocalDate previousDay, LocalDate day, int streak, Instant at) {
        BotUser u = users.get(chatId);
        if (u == null || !java.util.Objects.equals(u.dailyBonusDay(), previousDay)) return false;
        change(chatId, x -> new BotUser(x.chatId(), x.username(), x.ozhivashki(), x.generationCount(),
                x.lastGenerationTime(), x.registeredAt(), x.referredBy(), x.referralBonusClaimed(),
                x.firstGenerationTime(), day, streak, x.discountOffered(), at, x.advertisingSource(), x.paymentsJson()));
        return true;
    }

    @Override
    public void recordGeneration(long chatId, Instant at) {
        RuntimeException failure = nextRecordGenerationFailure;
        nextRecordGenerationFailure = null;
        if (failure != null) throw failure;
        change(chatId, x -> new BotUser(x.chatId(), x.username(), x.ozhivashki(), x.generationCount() + 1, at,
                x.registeredAt(), x.referredBy(), x.referralBonusClaimed(),
                x.firstGenerationTime() == null ? at : x.firstGenerationTime(), x.dailyBonusDay(), x.dailyBonusStreak(),
                x.discountOffered(), at, x.advertisingSource(), x.paymentsJson()));
    }

    @Override
    public boolean claimReferralBonus(long chatId) {
        BotUser u = users.get(chatId);
        if (u == null || u.referralBonusClaimed()) return false;
        change(chatId, x -> new BotUser(x.chatId(), x.username(), x.ozhivashki(), x.generationCount(),
                x.lastGenerationTime(), x.registeredAt(), x.referredBy(), true, x.firstGenerationTime(),
                x.dailyBonusDay(), x.dailyBonusStreak(), x.discountOffered(), x.lastActivityTime(),
                x.advertisingSource(), x.paymentsJson()));
        return true;
    }

    @Override
    public void offerDiscount(long chatId) {
        change(chatId, x -> new BotUser(x.chatId(), x.username(), x.ozhivashki(), x.generationCount(),
                x.lastGenerationTime(), x.registeredAt(), x.referredBy(), x.referralBonusClaimed(),
                x.firstGenerationTime(), x.dailyBonusDay(), x.dailyBonusStreak(), true, x.lastActivityTime(),
                x.advertisingSource(), x.paymentsJson()));
    }

    @Override
    public boolean hasPurchased(long chatId) {
        return entries.stream().anyMatch(e -> e.chatId() == chatId && e.reason() == CreditReason.PURCHASE);
    }

    @Override
    public CreditEntry apply(CreditChange c) {
        uow.requireActive();
        Optional<CreditEntry> earlier = entries.stream()
                .filter(e -> e.chatId() == c.chatId() && e.idempotencyKey().equals(c.idempotencyKey())).findFirst();
        if (earlier.isPresent()) return earlier.get();
        BotUser u = users.get(c.chatId());
        if (u == null) throw new NotFoundException("Bot user " + c.chatId());
        int balance = u.ozhivashki() + c.amount();
        if (balance < 0) throw new InsufficientCreditsException(u.ozhivashki(), -c.amount());
        change(c.chatId(), x -> new BotUser(x.chatId(), x.username(), balance, x.generationCount(),
                x.lastGenerationTime(), x.registeredAt(), x.referredBy(), x.referralBonusClaimed(),
                x.firstGenerationTime(), x.dailyBonusDay(), x.dailyBonusStreak(), x.discountOffered(),
                x.lastActivityTime(), x.advertisingSource(), x.paymentsJson()));
        CreditEntry entry = new CreditEntry(entries.size() + 1, c.chatId(), c.amount(), c.reason(), c.idempotencyKey(),
                balance, c.at());
        entries.add(entry);
        return entry;
    }

    @Override
    public Page<CreditEntry> entries(long chatId, PageRequest page) {
        List<CreditEntry> mine = entries.stream().filter(e -> e.chatId() == chatId)
                .sorted(Comparator.comparingLong(CreditEntry::id).reversed()).toList();
        return slice(mine, page);
    }

    @Override
    public void start(UUID id, long chatId, String key, int bonusImagesPlanned, Instant at) {
        uow.requireActive();
        if (key != null && findByKey(chatId, key).isPresent()) throw new ConflictException("GENERATION_IN_PROGRESS", "busy");
        generations.put(id, new BotGeneration(id, chatId, key, BotGeneration.Status.PENDING, bonusImagesPlanned, null,
                null, null, List.of(), List.of(), null, null, at, null));
    }

    @Override
    public Optional<BotGeneration> findByKey(long chatId, String key) {
        return generations.values().stream().filter(g -> g.chatId() == chatId && key.equals(g.idempotencyKey())).findFirst();
    }

    @Override
    public boolean succeed(UUID id, String provider, String model, long latencyMs, List<String> main, List<String> bonus,
                           int balanceAfter, Instant at) {
        uow.requireActive();
        BotGeneration g = generations.get(id);
        if (g.status() != BotGeneration.Status.PENDING) return false;
        generations.put(id, new BotGeneration(id, g.chatId(), g.idempotencyKey(), BotGeneration.Status.SUCCEEDED,
                g.bonusImagesPlanned(), provider, model, latencyMs, main, bonus, balanceAfter, null, g.createdAt(), at));
        return true;
    }

    @Override
    public boolean fail(UUID id, String errorCode, long latencyMs, Instant at) {
        uow.requireActive();
        BotGeneration g = generations.get(id);
        if (g.status() != BotGeneration.Status.PENDING) return false;
        generations.put(id, new BotGeneration(id, g.chatId(), null, BotGeneration.Status.FAILED, g.bonusImagesPlanned(),
                null, null, latencyMs, List.of(), List.of(), null, errorCode, g.createdAt(), at));
        return true;
    }

    @Override
    public List<BotGeneration> pendingSince(Instant startedBefore, int limit) {
        return generations.values().stream().filter(g -> g.status() == BotGeneration.Status.PENDING)
                .filter(g -> g.createdAt().isBefore(startedBefore)).limit(limit).toList();
    }

    @Override
    public Page<BotGeneration> page(long chatId, PageRequest page) {
        List<BotGeneration> mine = new ArrayList<>(generations.values().stream().filter(g -> g.chatId() == chatId).toList());
        java.util.Collections.reverse(mine);
        return slice(mine, page);
    }

    private static <T> Page<T> slice(List<T> all, PageRequest page) {
        int from = (int) Math.min(all.size(), page.offset());
        return new Page<>(all.subList(from, Math.min(all.size(), from + page.limit())), page.page(), page.limit(), all.size());
    }
}
