package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request to the model gateway, built by name:
 * <pre>{@code
 * ModelRequest request = ModelRequest.chat("roleplay_chat", chain, history)
 *         .system("You are Layla ...").temperature(0.8).maxOutputTokens(512).budget(Duration.ofSeconds(30))
 *         .build();
 * }</pre>
 * Start with {@link #text}, {@link #structured}, {@link #chat} or {@link #image}; {@link Builder#build()} checks the
 * invariants of the kind. Unset fields take the defaults: mode {@code balanced}, budget {@link #DEFAULT_BUDGET}, the
 * cache for {@link CachePolicy#DEFAULT_TTL}, the provider's own temperature and output limit.
 *
 * <p>Fields: {@code operation} names what the caller is doing, for analytics ("course.lesson"); {@code chain} is the
 * primary model, then the fallbacks, tried in order; {@code budget} is how long the whole request may take, waits
 * for keys included; {@code messages} is the conversation (one user prompt for text, structured and image requests).
 * A structured request also carries its JSON Schema, the feature's {@link ContentValidator}s and an optional
 * {@link AnswerNormaliser}; an image request its input images and how many images to make.
 */
public final class ModelRequest {
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(60);
    public static final int MAX_IMAGE_OUTPUTS = 8;

    private final String operation;
    private final GenerationKind kind;
    private final List<ModelRef> chain;
    private final GenerationMode mode;
    private final Duration budget;
    private final CachePolicy cache;
    private final String system;
    private final List<ChatMessage> messages;
    private final String jsonSchema;
    private final List<ContentValidator> validators;
    private final AnswerNormaliser normaliser;
    private final List<ImageData> images;
    private final int imageOutputs;
    private final Double temperature;
    private final Integer maxOutputTokens;

    private ModelRequest(Builder b) {
        operation = b.operation;
        kind = b.kind;
        chain = b.chain == null ? List.of() : List.copyOf(b.chain);
        mode = b.mode;
        budget = b.budget;
        cache = b.cache;
        system = b.system;
        messages = b.messages == null ? List.of() : List.copyOf(b.messages);
        jsonSchema = b.jsonSchema;
        validators = List.copyOf(b.validators);
        normaliser = b.normaliser;
        images = b.images == null ? List.of() : List.copyOf(b.images);
        imageOutputs = b.imageOutputs;
        temperature = b.temperature;
        maxOutputTokens = b.maxOutputTokens;
        check();
    }

    private void check() {
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
        if (kind != GenerationKind.STRUCTURED) {
            if (jsonSchema != null) errors.add(new FieldError("json_schema", "is only for structured generation"));
            if (!validators.isEmpty() || normaliser != null) {
                errors.add(new FieldError("validators", "are only for structured generation"));
            }
        }
        if (kind == GenerationKind.IMAGE) {
            if (images.isEmpty()) errors.add(new FieldError("images", "an image request needs an input image"));
            for (int i = 0; i < images.size(); i++) {
                if (!ImageData.INPUT_TYPES.contains(images.get(i).mimeType())) {
                    errors.add(new FieldError("images[" + i + "]", "media type must be one of " + ImageData.INPUT_TYPES));
                }
            }
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
    public static Builder text(String operation, List<ModelRef> chain, String prompt) {
        return new Builder(operation, GenerationKind.TEXT, chain, List.of(ChatMessage.user(prompt)));
    }

    /** JSON valid against {@code jsonSchema} (and the validators added to the builder), answering {@code prompt}. */
    public static Builder structured(String operation, List<ModelRef> chain, String prompt, String jsonSchema) {
        Builder builder = new Builder(operation, GenerationKind.STRUCTURED, chain, List.of(ChatMessage.user(prompt)));
        builder.jsonSchema = jsonSchema;
        return builder;
    }

    /** The next assistant turn after {@code history}, which ends with the user's message. */
    public static Builder chat(String operation, List<ModelRef> chain, List<ChatMessage> history) {
        return new Builder(operation, GenerationKind.CHAT, chain, history);
    }

    /** {@code outputs} images made from {@code inputs} as {@code prompt} describes. */
    public static Builder image(String operation, List<ModelRef> chain, String prompt, List<ImageData> inputs, int outputs) {
        Builder builder = new Builder(operation, GenerationKind.IMAGE, chain, List.of(ChatMessage.user(prompt)));
        builder.images = inputs;
        builder.imageOutputs = outputs;
        return builder;
    }

    /** A builder holding everything this request holds, for a step that differs in a field or two (a repair round). */
    public Builder toBuilder() {
        Builder b = new Builder(operation, kind, chain, messages);
        b.mode = mode;
        b.budget = budget;
        b.cache = cache;
        b.system = system;
        b.jsonSchema = jsonSchema;
        b.validators.addAll(validators);
        b.normaliser = normaliser;
        b.images = images;
        b.imageOutputs = imageOutputs;
        b.temperature = temperature;
        b.maxOutputTokens = maxOutputTokens;
        return b;
    }

    /** Collects a request's fields by name; {@link #build()} checks them. */
    public static final class Builder {
        private final String operation;
        private final GenerationKind kind;
        private final List<ModelRef> chain;
        private List<ChatMessage> messages;
        private GenerationMode mode = GenerationMode.BALANCED;
        private Duration budget = DEFAULT_BUDGET;
        private CachePolicy cache = CachePolicy.useDefault();
        private String system;
        private String jsonSchema;
        private final List<ContentValidator> validators = new ArrayList<>();
        private AnswerNormaliser normaliser;
        private List<ImageData> images;
        private int imageOutputs;
        private Double temperature;
        private Integer maxOutputTokens;

        private Builder(String operation, GenerationKind kind, List<ModelRef> chain, List<ChatMessage> messages) {
            this.operation = operation;
            this.kind = kind;
            this.chain = chain;
            this.messages = messages;
        }

        /** How hard the gateway tries: attempts per model and repair rounds ({@link GenerationMode}). */
        public Builder mode(GenerationMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder budget(Duration budget) {
            this.budget = budget;
            return this;
        }

        public Builder cache(CachePolicy cache) {
            this.cache = cache;
            return this;
        }

        public Builder system(String system) {
            this.system = system;
            return this;
        }

        /** Replaces the conversation (it must end with a user message). */
        public Builder messages(List<ChatMessage> messages) {
            this.messages = messages;
            return this;
        }

        /** 0..2; unset for the provider's default. */
        public Builder temperature(Double temperature) {
            this.temperature = temperature;
            return this;
        }

        public Builder maxOutputTokens(Integer maxOutputTokens) {
            this.maxOutputTokens = maxOutputTokens;
            return this;
        }

        /** A check of a schema-valid structured answer; its error codes go into the result and the repair round. */
        public Builder validator(ContentValidator validator) {
            validators.add(Objects.requireNonNull(validator, "validator"));
            return this;
        }

        /** Applied to a structured answer before it is checked (and to what the result holds). */
        public Builder normaliser(AnswerNormaliser normaliser) {
            this.normaliser = normaliser;
            return this;
        }

        /** @throws InvalidValueException listing every field that breaks an invariant */
        public ModelRequest build() {
            return new ModelRequest(this);
        }
    }

    public String operation() { return operation; }
    public GenerationKind kind() { return kind; }
    public List<ModelRef> chain() { return chain; }
    public GenerationMode mode() { return mode; }
    public Duration budget() { return budget; }
    public CachePolicy cache() { return cache; }
    /** The system instruction, or null. */
    public String system() { return system; }
    public List<ChatMessage> messages() { return messages; }
    /** The JSON Schema text of a structured request, null otherwise. */
    public String jsonSchema() { return jsonSchema; }
    /** The feature's checks of a structured answer, run after the schema's. */
    public List<ContentValidator> validators() { return validators; }
    /** What rewrites a structured answer before it is checked, or null. */
    public AnswerNormaliser normaliser() { return normaliser; }
    public List<ImageData> images() { return images; }
    /** How many images to make (image requests), 0 otherwise. */
    public int imageOutputs() { return imageOutputs; }
    /** 0..2, or null for the provider's default. */
    public Double temperature() { return temperature; }
    /** Positive, or null for the provider's default. */
    public Integer maxOutputTokens() { return maxOutputTokens; }

    /** The first model of the chain. */
    public ModelRef primary() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "ModelRequest[" + operation + ", " + kind + ", " + chain + ", " + mode + "]";
    }
}
