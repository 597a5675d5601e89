package dev.hexcore.domain.generation;

import java.time.Duration;
import java.util.List;

/**
 * One upstream call as a provider adapter sees it.
 *
 * @param jsonSchema      a JSON Schema (as JSON text) the answer must satisfy, or null for free text
 * @param images          input images (image generation from a drawing, or vision input)
 * @param imageOutputs    how many output images are wanted (0 for text)
 * @param timeout         the most this call may take
 */
public record ProviderCall(String model, ProviderKey key, String system, List<ChatMessage> messages, String jsonSchema,
                           List<ImageData> images, int imageOutputs, Double temperature, Integer maxOutputTokens,
                           Duration timeout) {
    public ProviderCall {
        messages = List.copyOf(messages);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
