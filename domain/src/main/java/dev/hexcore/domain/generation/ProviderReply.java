package dev.hexcore.domain.generation;

import java.util.List;

/** What a provider answered: text (JSON text for structured calls) and/or images, with token usage. */
public record ProviderReply(String text, List<ImageData> images, TokenUsage usage, String modelVersion) {
    public ProviderReply {
        images = images == null ? List.of() : List.copyOf(images);
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
