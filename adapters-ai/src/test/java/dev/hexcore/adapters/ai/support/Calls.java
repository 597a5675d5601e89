package dev.hexcore.adapters.ai.support;

import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.generation.ProviderKey;
import java.time.Duration;
import java.util.List;

/** Calls, keys and policies the provider tests share. */
public final class Calls {
    public static final String SECRET = "AIzaSy-test-secret-0123456789";
    public static final ProviderKey KEY = new ProviderKey("key-1", SECRET);
    public static final String PERSON_SCHEMA = """
            {"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"}},
             "required":["name","age"],"additionalProperties":false}""";
    /** A 1x1 PNG. */
    public static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private Calls() {
    }

    /** No retries, a circuit that does not open within a test, short delays. */
    public static ResiliencePolicy noRetries() {
        return new ResiliencePolicy(0, Duration.ofMillis(10), Duration.ofMillis(20), Duration.ZERO,
                100, 1.0, Duration.ofMinutes(1));
    }

    public static ProviderCall text(String model, String system, String prompt) {
        return new ProviderCall(model, KEY, system, List.of(ChatMessage.user(prompt)), null, List.of(), 0, 0.7, 256,
                Duration.ofSeconds(30));
    }

    public static ProviderCall structured(String model, String prompt) {
        return new ProviderCall(model, KEY, "Reply in JSON.", List.of(ChatMessage.user(prompt)), PERSON_SCHEMA, List.of(),
                0, 0.2, 512, Duration.ofSeconds(30));
    }

    public static ProviderCall withImage(String model, String prompt, int imageOutputs) {
        return new ProviderCall(model, KEY, null, List.of(ChatMessage.user(prompt)), null,
                List.of(new ImageData("image/png", PNG)), imageOutputs, null, null, Duration.ofSeconds(30));
    }

    public static ProviderCall withTimeout(ProviderCall call, Duration timeout) {
        return new ProviderCall(call.model(), call.key(), call.system(), call.messages(), call.jsonSchema(),
                call.images(), call.imageOutputs(), call.temperature(), call.maxOutputTokens(), timeout);
    }
}
