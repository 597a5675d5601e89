package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;
import java.util.Optional;

/**
 * Text, structured, chat and image generation through one gateway: the request's kind says which (build it with
 * {@link ModelRequest#text}, {@link ModelRequest#structured}, {@link ModelRequest#chat} or {@link ModelRequest#image}).
 */
public interface ModelGatewayUseCase {
    /**
     * @throws dev.hexcore.domain.generation.ModelUnavailableException no model of the chain answered in time (503)
     * @throws dev.hexcore.domain.generation.ModelBadResponseException a model refused the request (502)
     * @throws dev.hexcore.domain.shared.InvalidValueException the JSON Schema cannot be read (422)
     */
    ModelResult generate(ModelRequest request);

    /**
     * The answer if this instance holds it in its response cache, without blocking (no database, no network): a
     * cache hit, reported and recorded as {@link #generate} would. Empty otherwise (also for requests that are not
     * cached, or bypass the cache): then call {@link #generate}, on a thread that may block. Lets a caller on an I/O
     * thread answer repeated requests without handing them to a worker thread.
     */
    Optional<ModelResult> generateIfHeld(ModelRequest request);
}
