package dev.hexcore.application.bot;

import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.shared.Page;
import dev.hexcore.domain.shared.PageRequest;
import java.util.List;

/** Seed 003's generation: images brought to life from a child's drawing, for one ozhivashka. */
public interface GenerateFromDrawingUseCase {
    /** {@code idempotencyKey} may be null; with one, a retry answers the first result without a second charge. */
    record GenerateCommand(long chatId, byte[] drawing, String idempotencyKey) {
    }

    record GeneratedImages(List<ImageData> mainImages, List<ImageData> bonusImages, int ozhivashkiSpent, int newBalance,
                           boolean replayed) {
    }

    /**
     * Reserves one ozhivashka, calls the image model with no transaction open, then records the spend and the
     * generation; a failed model call releases the ozhivashka and rethrows.
     *
     * @throws dev.hexcore.domain.bot.InsufficientCreditsException at a zero balance
     * @throws dev.hexcore.domain.generation.ModelUnavailableException no model could answer (503, Retry-After)
     * @throws dev.hexcore.domain.generation.ModelBadResponseException the model refused the drawing (502)
     */
    GeneratedImages generate(Actor actor, GenerateCommand command);

    Page<BotGeneration> history(Actor actor, long chatId, PageRequest page);
}
