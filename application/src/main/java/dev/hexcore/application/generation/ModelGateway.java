package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import java.util.concurrent.CompletionStage;

/**
 * The one way a feature runs a model operation: build a {@link ModelRequest} by name, call the method of its kind.
 * Every call goes through the response cache (text, chat, every structured step), the key pool and its quotas, the
 * model chain with its fault tolerance, and is recorded as generation events. Implemented by
 * {@link ModelGatewayService}; a feature's service takes this port in its constructor. See docs/architecture.md,
 * "Calling a model".
 *
 * <p>Failures: {@link dev.hexcore.domain.generation.ModelUnavailableException} (no model answered in time, 503 with
 * Retry-After), {@link dev.hexcore.domain.generation.ModelBadResponseException} (a model refused the request, 502),
 * {@link dev.hexcore.domain.shared.InvalidValueException} (an unusable JSON Schema, 422). A request of another kind
 * than the method's is a programming error ({@link IllegalArgumentException}).
 */
public interface ModelGateway {
    /**
     * A text or chat answer. Asynchronous for its caller: when this process holds the answer the stage is complete
     * on return (no blocking, no key taken: safe on an I/O thread); otherwise the gateway answers on its worker
     * threads and the stage completes there, failing with the exceptions above.
     */
    CompletionStage<ModelResult> reply(ModelRequest request);

    /**
     * JSON valid against the request's schema and validators. Each step (the first call, each repair round that sends
     * the previous answer and its error codes) is cached and recorded on its own. The result is
     * {@link dev.hexcore.domain.generation.ResultQuality#OK}, or {@code NEEDS_REVIEW} with the last answer and its
     * validation error codes once the mode's repair rounds are spent. Blocks: call it from a worker thread or a job.
     */
    ModelResult structured(ModelRequest request);

    /**
     * The request's number of images made from its input image and prompt (several upstream calls when a model
     * returns fewer per call). Never cached. Blocks.
     */
    ModelResult images(ModelRequest request);
}
