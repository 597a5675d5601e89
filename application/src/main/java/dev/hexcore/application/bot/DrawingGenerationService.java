package dev.hexcore.application.bot;

import dev.hexcore.application.generation.ModelGateway;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.BotGenerations;
import dev.hexcore.domain.bot.BotRules;
import dev.hexcore.domain.bot.BotUser;
import dev.hexcore.domain.bot.BotUserReader;
import dev.hexcore.domain.bot.BotUsers;
import dev.hexcore.domain.bot.ChatId;
import dev.hexcore.domain.bot.CreditChange;
import dev.hexcore.domain.bot.CreditLedger;
import dev.hexcore.domain.bot.CreditReason;
import dev.hexcore.domain.bot.DrawingImages;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.port.FileStorage;
import dev.hexcore.domain.port.UnitOfWork;
import dev.hexcore.domain.shared.ConflictException;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.IdGenerator;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.NotFoundException;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The generation flow of seed 003, in three short transactions around a model call that holds no connection:
 * <ol>
 *   <li>reserve: one ozhivashka is spent (ledger entry {@code generation:<id>}) and a pending generation recorded;</li>
 *   <li>the drawing goes through the model gateway (the image chain, its key pool and quotas), the images to storage;</li>
 *   <li>success: the generation is completed with its images, the user's counters move, a referrer gets the referral
 *       bonus on the referred user's first success, a discount is offered when the rules say so;
 *       failure: the ozhivashka comes back (entry {@code refund:<id>}), the generation is marked failed.</li>
 * </ol>
 * With an idempotency key, a retry of a succeeded generation answers the stored images without a second charge.
 * Generations still pending long after their model budget (the process died) are released by
 * {@link #releaseAbandoned()}.
 */
public final class DrawingGenerationService implements GenerateFromDrawingUseCase, ReleaseAbandonedGenerationsUseCase {
    public static final String OPERATION = "bot.drawing";
    static final String PROMPT = "Bring this child's drawing to life: keep its composition, characters and colours, "
            + "and render it as a bright, friendly, detailed illustration. No text in the image.";
    static final int MAX_IDEMPOTENCY_KEY = 200;
    static final String ABANDONED = "ABANDONED";
    private static final int RELEASE_BATCH = 100;

    private final BotUserReader reader;
    private final BotUsers users;
    private final CreditLedger ledger;
    private final BotGenerations generations;
    private final DrawingImages drawings;
    private final ModelGateway gateway;
    private final FileStorage storage;
    private final BotRules rules;
    private final List<ModelRef> chain;
    private final Duration budget;
    private final Duration abandonAfter;
    private final UnitOfWork uow;
    private final Clock clock;
    private final IdGenerator ids;

    public DrawingGenerationService(BotUserReader reader, BotUsers users, CreditLedger ledger, BotGenerations generations,
                                    DrawingImages drawings, ModelGateway gateway, FileStorage storage, BotRules rules,
                                    List<ModelRef> chain, Duration budget, Duration abandonAfter, UnitOfWork uow,
                                    Clock clock, IdGenerator ids) {
        if (abandonAfter.compareTo(budget) <= 0) {
            throw new IllegalArgumentException("a generation is abandoned only after its model budget has passed");
        }
        this.reader = reader;
        this.users = users;
        this.ledger = ledger;
        this.generations = generations;
        this.drawings = drawings;
        this.gateway = gateway;
        this.storage = storage;
        this.rules = rules;
        this.chain = List.copyOf(chain);
        this.budget = budget;
        this.abandonAfter = abandonAfter;
        this.uow = uow;
        this.clock = clock;
        this.ids = ids;
    }

    /** What the reservation decided: a new generation to run, or the stored one a retry asks for again. */
    private record Reservation(UUID id, int bonusImages, BotGeneration replay) {
    }

    @Override
    public GeneratedImages generate(Actor actor, GenerateCommand command) {
        BotAccess.require(actor);
        long chatId = ChatId.check(command.chatId());
        String key = idempotencyKey(command.idempotencyKey());
        ImageData drawing = drawings.prepare(command.drawing());

        Instant started = clock.instant();
        Reservation reservation = uow.inTransaction(() -> reserve(chatId, key, started));
        if (reservation.replay() != null) return replay(reservation.replay());

        UUID id = reservation.id();
        ModelResult result;
        List<String> mainKeys;
        List<String> bonusKeys;
        try {
            result = gateway.images(ModelRequest.image(OPERATION, chain, PROMPT, List.of(drawing),
                    rules.mainImages() + reservation.bonusImages()).budget(budget).build());
            List<ImageData> images = result.images();
            if (images.size() < rules.mainImages()) {
                throw new IllegalStateException("the gateway answered " + images.size() + " images");
            }
            mainKeys = store(chatId, id, "main", images.subList(0, rules.mainImages()));
            bonusKeys = store(chatId, id, "bonus", images.subList(rules.mainImages(), images.size()));
        } catch (RuntimeException e) {
            release(chatId, id, e, started);
            throw e;
        }
        Instant finished = clock.instant();
        int balance;
        try {
            balance = uow.inTransaction(() -> complete(chatId, id, result, mainKeys, bonusKeys, started, finished));
        } catch (RuntimeException e) {
            releaseAfterFailedCompletion(chatId, id, e, started);
            throw e;
        }
        List<ImageData> images = result.images();
        return new GeneratedImages(images.subList(0, rules.mainImages()), images.subList(rules.mainImages(), images.size()),
                1, balance, false);
    }

    @Override
    public Page<BotGeneration> history(Actor actor, long chatId, PageRequest page) {
        BotAccess.require(actor);
        ChatId.check(chatId);
        if (reader.find(chatId).isEmpty()) throw new NotFoundException("Bot user " + chatId);
        return generations.page(chatId, page);
    }

    private Reservation reserve(long chatId, String key, Instant now) {
        BotUser user = reader.find(chatId).orElseThrow(() -> new NotFoundException("Bot user " + chatId));
        if (key != null) {
            var earlier = generations.findByKey(chatId, key);
            if (earlier.isPresent()) {
                if (earlier.get().status() == BotGeneration.Status.SUCCEEDED) return new Reservation(null, 0, earlier.get());
                throw new ConflictException("GENERATION_IN_PROGRESS",
                        "A generation with this Idempotency-Key is still running; retry when it has finished");
            }
        }
        UUID id = ids.next();
        ledger.apply(CreditChange.spend(chatId, 1, "generation:" + id, now));
        int bonus = rules.bonusImagesFor(user, now);
        generations.start(id, chatId, key, bonus, now);
        return new Reservation(id, bonus, null);
    }

    private int complete(long chatId, UUID id, ModelResult result, List<String> mainKeys, List<String> bonusKeys,
                         Instant started, Instant finished) {
        BotUser before = reader.find(chatId).orElseThrow();
        if (!generations.succeed(id, result.provider(), result.model(), Duration.between(started, finished).toMillis(),
                mainKeys, bonusKeys, before.ozhivashki(), finished)) {
            throw new ConflictException("GENERATION_ABANDONED", "The generation took so long that its ozhivashka was "
                    + "given back; try again");
        }
        users.recordGeneration(chatId, finished);
        if (before.referredBy() != null && users.claimReferralBonus(chatId) && rules.referralBonus() > 0
                && reader.find(before.referredBy()).isPresent()) {
            ledger.apply(CreditChange.grant(before.referredBy(), rules.referralBonus(), CreditReason.REFERRAL,
                    "referral:" + chatId, finished));
        }
        int generationCount = before.generationCount() + 1;
        if (!before.discountOffered()
                && rules.offersDiscount(before.ozhivashki(), generationCount, users.hasPurchased(chatId))) {
            users.offerDiscount(chatId);
        }
        return before.ozhivashki();
    }

    private void release(long chatId, UUID id, RuntimeException cause, Instant started) {
        String code = cause instanceof DomainException d ? d.code() : "INTERNAL_ERROR";
        uow.inTransaction(() -> refund(chatId, id, code, started));
    }

    /**
     * The generation could not be recorded (say, no database connection within the pool's timeout under load): give
     * its ozhivashka back now rather than after {@code abandonAfter}. If that fails as well, the abandoned-generation
     * sweep still does it; a generation already released or completed is left alone ({@link #refund}).
     */
    private void releaseAfterFailedCompletion(long chatId, UUID id, RuntimeException cause, Instant started) {
        try {
            release(chatId, id, cause, started);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public int releaseAbandoned() {
        int released = 0;
        for (BotGeneration pending : generations.pendingSince(clock.instant().minus(abandonAfter), RELEASE_BATCH)) {
            if (uow.inTransaction(() -> refund(pending.chatId(), pending.id(), ABANDONED, pending.createdAt()))) released++;
        }
        return released;
    }

    /** Fails a pending generation and gives its ozhivashka back; false when it was no longer pending. */
    private boolean refund(long chatId, UUID id, String code, Instant started) {
        Instant now = clock.instant();
        if (!generations.fail(id, code, Duration.between(started, now).toMillis(), now)) return false;
        ledger.apply(CreditChange.grant(chatId, 1, CreditReason.REFUND, "refund:" + id, now));
        return true;
    }

    private List<String> store(long chatId, UUID id, String kind, List<ImageData> images) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageData image = images.get(i);
            String key = "bot/" + chatId + "/" + id + "/" + kind + "-" + (i + 1) + extension(image.mimeType());
            try {
                storage.write(key, out -> out.write(image.bytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot store a generated image", e);
            }
            keys.add(key);
        }
        return keys;
    }

    private GeneratedImages replay(BotGeneration generation) {
        return new GeneratedImages(load(generation.mainImageKeys()), load(generation.bonusImageKeys()), 1,
                generation.balanceAfter(), true);
    }

    private List<ImageData> load(List<String> keys) {
        List<ImageData> images = new ArrayList<>();
        for (String key : keys) {
            try (InputStream in = storage.open(key).orElseThrow(() -> new IllegalStateException("stored image " + key + " is missing"))) {
                images.add(new ImageData(mimeType(key), in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read a stored image", e);
            }
        }
        return images;
    }

    private static String extension(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".png";
        };
    }

    private static String mimeType(String key) {
        if (key.endsWith(".jpg")) return "image/jpeg";
        if (key.endsWith(".webp")) return "image/webp";
        return "image/png";
    }

    private static String idempotencyKey(String key) {
        if (key == null || key.isEmpty()) return null;
        if (key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValueException("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " visible ASCII characters");
        }
        return key;
    }
}
