package dev.hexcore.domain.bot;

import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The generation history. Writes join the caller's unit of work. */
public interface BotGenerations {
    /**
     * Records a pending generation. A key held by another pending or succeeded generation of the user (a concurrent
     * retry) throws {@link dev.hexcore.domain.shared.ConflictException}.
     */
    void start(UUID id, long chatId, String idempotencyKey, int bonusImagesPlanned, Instant at);

    /** The pending or succeeded generation that holds this idempotency key, if any. */
    Optional<BotGeneration> findByKey(long chatId, String idempotencyKey);

    /** Completes a pending generation; false when it is no longer pending (released as abandoned meanwhile). */
    boolean succeed(UUID id, String provider, String model, long latencyMs, List<String> mainImageKeys,
                    List<String> bonusImageKeys, int balanceAfter, Instant at);

    /** Marks a pending generation failed and frees its idempotency key; false when it was not pending. */
    boolean fail(UUID id, String errorCode, long latencyMs, Instant at);

    /** Generations still pending that started before {@code startedBefore}, oldest first, at most {@code limit}. */
    List<BotGeneration> pendingSince(Instant startedBefore, int limit);

    /** A user's generations, newest first. */
    Page<BotGeneration> page(long chatId, PageRequest page);
}
