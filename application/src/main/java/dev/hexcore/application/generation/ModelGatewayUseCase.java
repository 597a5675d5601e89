package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ModelRequest;
import dev.hexcore.domain.generation.ModelResult;

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
}
