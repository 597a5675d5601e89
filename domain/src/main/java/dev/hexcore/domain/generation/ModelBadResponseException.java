package dev.hexcore.domain.generation;

import dev.hexcore.domain.shared.DomainException;

/**
 * The upstream model refused the request or gave no usable answer (blocked prompt, request rejected), so trying other
 * models or keys would not help. Mapped to 502.
 */
public class ModelBadResponseException extends DomainException {
    public static final String CODE = "MODEL_BAD_RESPONSE";

    private final String provider;
    private final String model;

    public ModelBadResponseException(ModelRef model, String message) {
        super(CODE, message);
        this.provider = model.provider();
        this.model = model.model();
    }

    public String provider() {
        return provider;
    }

    public String model() {
        return model;
    }
}
