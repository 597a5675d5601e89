package dev.hexcore.application.payment;

import dev.hexcore.application.bot.BotAccess;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.ChatId;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.InsufficientCreditsException;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.payment.BotPayment;
import dev.hexcore.domain.payment.BotPayments;
import dev.hexcore.domain.payment.CreditPack;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import dev.hexcore.domain.shared.Money;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Sha256;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packs, {@code create_payment}, and settling payments on the provider's word (ADR 0028).
 *
 * <p>Exactly once: a succeeded payment is credited in one transaction that first moves the stored payment from a
 * non-final status to {@code succeeded} (a conditional update: a concurrent duplicate waits for the row and then
 * matches nothing) and then applies the grant under the ledger key {@code payment:<id>}. A refund is applied under the
 * payment's row lock, once per refund id, taking back the refunded share of the credits as far as the balance allows
 * and recording the rest as debt. No transaction is open while a provider is called.
 */
public final class PaymentService implements BuyOzhivashkiUseCase, SettlePaymentsUseCase {
    static final String CLIENT_KEY_PREFIX = "bot-";
    private static final int MAX_CLIENT_KEY = 200;

    private final BotUserReader users;
    private final BotPayments payments;
    private final CreditLedger ledger;
    private final PaymentProviders providers;
    private final PaymentSettings settings;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public PaymentService(BotUserReader users, BotPayments payments, CreditLedger ledger, PaymentProviders providers,
                          PaymentSettings settings, UnitOfWork uow, Clock clock, IdGenerator ids) {
        this.users = users;
        this.payments = payments;
        this.ledger = ledger;
        this.providers = providers;
        this.settings = settings;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public List<CreditPack> packs(Actor actor) {
        BotAccess.require(actor);
        return settings.catalogue().packs();
    }

    @Override
    public CreatedPayment createPayment(Actor actor, CreatePaymentCommand command) {
        BotAccess.require(actor);
        long chatId = ChatId.check(command.chatId());
        CreditPack pack = validate(command);
        int quantity = command.quantity();
        if (users.find(chatId).isEmpty()) throw new NotFoundException("Bot user " + chatId);
        String key = command.idempotencyKey() == null ? "new-" + ids.next() : providerKey(chatId, command.idempotencyKey());
        if (command.idempotencyKey() != null) {
            Optional<BotPayment> earlier = payments.findByKey(chatId, key);
            if (earlier.isPresent()) {
                BotPayment p = earlier.get();
                if (!p.packId().equals(pack.id()) || p.quantity() != quantity) {
                    throw new ConflictException("IDEMPOTENCY_KEY_REUSED",
                            "This Idempotency-Key was used for another purchase; send a new key");
                }
                return new CreatedPayment(p.confirmationUrl(), p.paymentId(), true);
            }
        }
        Money amount = pack.priceOf(quantity);
        String description = quantity == 1 ? pack.title() : pack.title() + " × " + quantity;
        ProviderPayment created = providers.activeProvider().create(new NewPayment(key, amount, description,
                settings.returnUrl(), Map.of("chat_id", Long.toString(chatId), "pack", pack.id(),
                "quantity", Integer.toString(quantity))));
        if (created.confirmationUrl() == null) {
            throw new PaymentProviderException(PaymentProviderException.Kind.REJECTED, null,
                    "The payment provider answered without a confirmation URL", null);
        }
        Instant now = clock.instant();
        uow.run(() -> payments.add(BotPayment.pending(created.id(), chatId, providers.active(), pack.id(), quantity,
                pack.credits() * quantity, amount, key, created.confirmationUrl(), now)));
        return new CreatedPayment(created.confirmationUrl(), created.id(), false);
    }

    /**
     * The provider's Idempotence-Key: derived from the client's Idempotency-Key (per user, hashed to fit YooKassa's 64
     * characters), so that a client's retry of the same create reaches the same provider payment; a fresh one per
     * request without it.
     */
    static String providerKey(long chatId, String clientKey) {
        return CLIENT_KEY_PREFIX + Sha256.hex(chatId + "\n" + clientKey).substring(0, 60);   // 30 bytes: 64 in all
    }

    private CreditPack validate(CreatePaymentCommand command) {
        List<FieldError> errors = new ArrayList<>();
        Optional<CreditPack> pack = settings.catalogue().find(command.itemName());
        if (command.itemName() == null || command.itemName().isBlank()) errors.add(new FieldError("item_name", "is required"));
        else if (pack.isEmpty()) errors.add(new FieldError("item_name", "must name a pack: " + String.join(", ",
                settings.catalogue().packs().stream().map(CreditPack::title).toList())));
        Integer quantity = command.quantity();
        if (quantity == null) errors.add(new FieldError("quantity", "is required"));
        else if (quantity < 1 || quantity > settings.maxQuantity()) {
            errors.add(new FieldError("quantity", "must be between 1 and " + settings.maxQuantity()));
        }
        BigDecimal price = command.price();
        if (price == null) errors.add(new FieldError("price", "is required"));
        else if (pack.isPresent() && quantity != null && quantity >= 1 && quantity <= settings.maxQuantity()) {
            BigDecimal expected = pack.get().priceOf(quantity).value();
            if (price.compareTo(expected) != 0) {
                errors.add(new FieldError("price", "must be " + expected.toPlainString() + " (" + quantity + " × "
                        + pack.get().price().value().toPlainString() + ")"));
            }
        }
        String clientKey = command.idempotencyKey();
        if (clientKey != null && (clientKey.isBlank() || clientKey.length() > MAX_CLIENT_KEY
                || clientKey.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to " + MAX_CLIENT_KEY + " characters on one line"));
        }
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
        return pack.orElseThrow();
    }

    @Override
    public Outcome handle(PaymentNotification notification) {
        String event = notification.event();
        if (event.equals("refund.succeeded")) return settleRefund(notification.objectId());
        if (event.startsWith("payment.")) return settlePayment(notification.objectId(), notification.cancellationReason());
        return Outcome.IGNORED;
    }

    private Outcome settlePayment(String paymentId, String cancellationHint) {
        Optional<BotPayment> stored = payments.find(paymentId);
        if (stored.isPresent() && stored.get().status().isFinal()) return Outcome.ALREADY_SETTLED;
        Optional<ProviderPayment> fetched = stored.isPresent()
                ? providers.named(stored.get().provider()).fetch(paymentId)
                : providers.activeProvider().fetch(paymentId);
        if (fetched.isEmpty()) return Outcome.UNKNOWN;
        ProviderPayment answer = fetched.get();
        if (stored.isEmpty()) stored = adopt(answer);
        if (stored.isEmpty()) return Outcome.UNKNOWN;
        BotPayment payment = stored.get();
        if (payment.status().isFinal()) return Outcome.ALREADY_SETTLED;
        if (!matches(payment, answer)) return Outcome.MISMATCH;
        Instant now = clock.instant();
        return switch (answer.status()) {
            case SUCCEEDED -> uow.inTransaction(() -> {
                if (!payments.markSucceeded(paymentId, now)) return Outcome.ALREADY_SETTLED;
                ledger.apply(CreditChange.grant(payment.chatId(), payment.credits(), CreditReason.PURCHASE,
                        "payment:" + paymentId, now));
                return Outcome.CREDITED;
            });
            case CANCELED -> uow.inTransaction(() -> payments.markCanceled(paymentId, reason(cancellationHint), now)
                    ? Outcome.CANCELED : Outcome.ALREADY_SETTLED);
            case WAITING_FOR_CAPTURE, PENDING -> {
                if (answer.status() != payment.status()) uow.run(() -> payments.markStatus(paymentId, answer.status(), now));
                yield Outcome.PENDING;
            }
        };
    }

    /**
     * A payment the provider knows but this service never stored: created, then the service stopped before storing it
     * (a create is stored only after the provider answered). When its metadata names a registered user, a pack on
     * sale and a quantity whose price is the amount paid, it is stored now and settled like any other; anything else
     * is not this service's and stays unknown.
     */
    private Optional<BotPayment> adopt(ProviderPayment answer) {
        Map<String, String> meta = answer.metadata();
        try {
            long chatId = Long.parseLong(meta.getOrDefault("chat_id", ""));
            int quantity = Integer.parseInt(meta.getOrDefault("quantity", ""));
            Optional<CreditPack> pack = settings.catalogue().byId(meta.get("pack"));
            if (pack.isEmpty() || quantity < 1 || quantity > settings.maxQuantity()
                    || !pack.get().priceOf(quantity).equals(answer.amount()) || users.find(chatId).isEmpty()) {
                return Optional.empty();
            }
            BotPayment adopted = BotPayment.pending(answer.id(), chatId, providers.active(), pack.get().id(), quantity,
                    pack.get().credits() * quantity, answer.amount(), answer.id(),
                    answer.confirmationUrl(), answer.createdAt());
            uow.run(() -> payments.add(adopted));
            return payments.find(answer.id());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The provider's payment is the stored one: same amount and currency, and the same chat when it says one. */
    private static boolean matches(BotPayment payment, ProviderPayment answer) {
        String chat = answer.metadata().get("chat_id");
        return payment.amount().equals(answer.amount()) && (chat == null || chat.equals(Long.toString(payment.chatId())));
    }

    /** YooKassa's cancellation reasons are short codes; anything else is not kept. */
    private static String reason(String hint) {
        return hint != null && hint.matches("[a-z0-9_]{1,64}") ? hint : null;
    }

    private Outcome settleRefund(String refundId) {
        Optional<ProviderRefund> fetched = providers.activeProvider().fetchRefund(refundId);
        if (fetched.isEmpty()) return Outcome.UNKNOWN;
        ProviderRefund refund = fetched.get();
        if (!refund.succeeded()) return Outcome.PENDING;
        // a refund can be notified before the payment's own success was (a lost or late notification): settle it first
        Optional<BotPayment> stored = payments.find(refund.paymentId());
        if (stored.isPresent() && !stored.get().status().isFinal()) settlePayment(refund.paymentId(), null);
        Instant now = clock.instant();
        return uow.inTransaction(() -> {
            Optional<BotPayment> locked = payments.lock(refund.paymentId());
            if (locked.isEmpty()) return Outcome.UNKNOWN;
            BotPayment payment = locked.get();
            if (payment.status() != PaymentStatus.SUCCEEDED
                    || !payment.amount().currency().equals(refund.amount().currency())) return Outcome.MISMATCH;
            if (payments.hasRefund(refund.id())) return Outcome.ALREADY_SETTLED;
            int owed = creditsOwed(payment, refund.amount());
            int taken = owed == 0 ? 0 : takeBack(payment.chatId(), owed, "refund:" + refund.id(), now);
            payments.addRefund(new BotPayments.Refund(refund.id(), payment.paymentId(), refund.amount(), taken,
                    owed - taken, now));
            return Outcome.REFUNDED;
        });
    }

    /**
     * The credits a refund takes back: the refunded share of the payment's credits, rounded down, counted over all
     * its refunds so that partial refunds add up to exactly the credits once the whole amount is refunded.
     */
    static int creditsOwed(BotPayment payment, Money refunded) {
        BigDecimal total = payment.refundedAmount().value().add(refunded.value()).min(payment.amount().value());
        int target = BigDecimal.valueOf(payment.credits()).multiply(total)
                .divide(payment.amount().value(), 0, RoundingMode.DOWN).intValueExact();
        return Math.max(0, target - payment.refundedCredits());
    }

    /** Takes back up to {@code owed} credits, as many as the balance holds; answers how many it took. */
    private int takeBack(long chatId, int owed, String key, Instant at) {
        int take = owed;
        for (int attempt = 0; attempt < 3 && take > 0; attempt++) {
            try {
                ledger.apply(CreditChange.takeBack(chatId, take, key, at));
                return take;
            } catch (InsufficientCreditsException e) {
                take = Math.min(take, e.balance());
            }
        }
        return 0;
    }

    @Override
    public Reconciliation reconcile() {
        Instant now = clock.instant();
        List<BotPayment> due = uow.inTransaction(() -> payments.claimUnsettled(now.minus(settings.reconcileAfter()), now,
                now.plus(settings.recheckEvery()), settings.batchSize()));
        int credited = 0;
        int canceled = 0;
        int failed = 0;
        for (BotPayment payment : due) {
            try {
                Outcome outcome = settlePayment(payment.paymentId(), null);
                if (outcome == Outcome.CREDITED) credited++;
                else if (outcome == Outcome.CANCELED) canceled++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Reconciliation(due.size(), credited, canceled, failed);
    }
}
