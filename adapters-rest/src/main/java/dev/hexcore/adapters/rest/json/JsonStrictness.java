package dev.hexcore.adapters.rest.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.Instant;

/**
 * One strict JSON reading for every route (ADR 0012), so a body means exactly one thing:
 * <ul>
 * <li>400: not JSON, trailing content after the value ({@code {}garbage}), a key given twice, a field of the wrong
 * JSON type, never converted ({@code {"count":"5"}}, {@code {"label":42}}, {@code {"persist":1}}, {@code 1.0} for a
 * whole number), a time given as a number;</li>
 * <li>422: text that breaks {@link dev.hexcore.adapters.rest.shared.InputText}'s rule ({@link StrictText}), a time
 * outside years 0001..9999 ({@link StrictInstant}).</li>
 * </ul>
 * An empty body or {@code null} where an object is required is refused by the resources' {@code @NotNull} (400
 * BODY_REQUIRED).
 */
@Singleton
public class JsonStrictness implements ObjectMapperCustomizer {
    /** Last, so these deserializers win over the modules Quarkus registers (JavaTimeModule's Instant reader). */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("hexcore-strict-input")
                .addDeserializer(String.class, new StrictText())
                .addDeserializer(Instant.class, new StrictInstant()));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        mapper.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
}
