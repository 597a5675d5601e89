package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One request to the model gateway. Build it with {@link #text}, {@link #structured}, {@link #chat} or {@link #image}
 * and adjust it with the {@code with...} methods; every instance satisfies the invariants of its kind.
 *
 * @param operation       what the caller is doing, for analytics ("profile.bio", "course.lesson")
 * @param chain           the primary model, then the fallbacks, tried in order
 * @param budget          how long the whole request may take, waits for keys included (the deadline is start + budget)
 * @param system          system instruction, or null
 * @param messages        the conversation; for text, structured and image requests a single user prompt
 * @param jsonSchema      JSON Schema text the answer must satisfy (structured only)
 * @param images          input images (image requests)
 * @param imageOutputs    how many images to make (image requests), 0 otherwise
 * @param temperature     0..2, or null for the provider's default
 * @param maxOutputTokens positive, or null for the provider's default
 */
public record ModelRequest(String operation, GenerationKind kind, List<ModelRef> chain, GenerationMode mode,
                           Duration budget, CachePolicy cache, String system, List<ChatMessage> messages,
                           String jsonSchema, List<ImageData> images, int imageOutputs, Double temperature,
                           Integer maxOutputTokens) {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    public static final int MAX_IMAGE_OUTPUTS = 8;

    public ModelRequest {
        chain = chain == null ? List.of() : List.copyOf(chain);
        messages = messages == null ? List.of() : List.copyOf(messages);
        images = images == null ? List.of() : List.copyOf(images);
        List<FieldError> errors = new ArrayList<>();
        if (operation == null || operation.isBlank()) errors.add(new FieldError("operation", "must not be blank"));
        if (kind == null) errors.add(new FieldError("kind", "is required"));
        if (chain.isEmpty()) errors.add(new FieldError("chain", "must name at least one model"));
        if (mode == null) errors.add(new FieldError("mode", "is required"));
        if (budget == null || budget.isNegative() || budget.isZero()) errors.add(new FieldError("budget", "must be positive"));
        if (cache == null) errors.add(new FieldError("cache", "is required"));
        if (messages.isEmpty()) errors.add(new FieldError("messages", "must not be empty"));
        else if (messages.get(messages.size() - 1).role() != ChatMessage.Role.USER) {
            errors.add(new FieldError("messages", "must end with a user message"));
        }
        if (kind == GenerationKind.STRUCTURED && (jsonSchema == null || jsonSchema.isBlank())) {
            errors.add(new FieldError("json_schema", "is required for structured generation"));
        }
        if (kind != GenerationKind.STRUCTURED && jsonSchema != null) {
            errors.add(new FieldError("json_schema", "is only for structured generation"));
        }
        if (kind == GenerationKind.IMAGE) {
            if (images.isEmpty()) errors.add(new FieldError("images", "an image request needs an input image"));
            if (imageOutputs < 1 || imageOutputs > MAX_IMAGE_OUTPUTS) {
                errors.add(new FieldError("image_outputs", "must be between 1 and " + MAX_IMAGE_OUTPUTS));
            }
        } else if (imageOutputs != 0) {
            errors.add(new FieldError("image_outputs", "is only for image generation"));
        }
        if (temperature != null && (temperature.isNaN() || temperature < 0 || temperature > 2)) {
            errors.add(new FieldError("temperature", "must be between 0 and 2"));
        }
        if (maxOutputTokens != null && maxOutputTokens < 1) errors.add(new FieldError("max_output_tokens", "must be positive"));
        if (!errors.isEmpty()) throw new InvalidValueException(errors);
    }

    /** Plain text completion of {@code prompt}. */
    public static ModelRequest text(String operation, List<ModelRef> chain, String prompt) {
        return of(operation, GenerationKind.TEXT, chain, List.of(ChatMessage.user(prompt)), null, List.of(), 0);
    }

    /** JSON valid against {@code jsonSchema}, answering {@code prompt}. */
    public static ModelRequest structured(String operation, List<ModelRef> chain, String prompt, String jsonSchema) {
        return of(operation, GenerationKind.STRUCTURED, chain, List.of(ChatMessage.user(prompt)), jsonSchema, List.of(), 0);
    }

    /** The next assistant turn after {@code history}, which ends with the user's message. */
    public static ModelRequest chat(String operation, List<ModelRef> chain, List<ChatMessage> history) {
        return of(operation, GenerationKind.CHAT, chain, history, null, List.of(), 0);
    }

    /** {@code outputs} images made from {@code inputs} as {@code prompt} describes. */
    public static ModelRequest image(String operation, List<ModelRef> chain, String prompt, List<ImageData> inputs,
                                     int outputs) {
        return of(operation, GenerationKind.IMAGE, chain, List.of(ChatMessage.user(prompt)), null, inputs, outputs);
    }

    private static ModelRequest of(String operation, GenerationKind kind, List<ModelRef> chain, List<ChatMessage> messages,
                                   String schema, List<ImageData> images, int outputs) {
        return new ModelRequest(operation, kind, chain, GenerationMode.BALANCED, DEFAULT_BUDGET, CachePolicy.useDefault(),
                null, messages, schema, images, outputs, null, null);
    }

    public ModelRequest withMode(GenerationMode mode) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    public ModelRequest withBudget(Duration budget) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    public ModelRequest withCache(CachePolicy cache) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    public ModelRequest withSystem(String system) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    public ModelRequest withTemperature(Double temperature) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    public ModelRequest withMaxOutputTokens(Integer maxOutputTokens) {
        return new ModelRequest(operation, kind, chain, mode, budget, cache, system, messages, jsonSchema, images,
                imageOutputs, temperature, maxOutputTokens);
    }

    /** The first model of the chain. */
    public ModelRef primary() {
        return chain.get(0);
    }
}
