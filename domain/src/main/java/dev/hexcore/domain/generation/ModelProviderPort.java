package dev.hexcore.domain.generation;

/**
 * One model provider (Gemini, an OpenAI-compatible API, the offline provider). Implementations make exactly the call
 * they are given, with the key they are given, and classify every failure as a {@link ProviderFailure}; choosing
 * keys, models, retries across keys and repairs is the gateway's job.
 */
public interface ModelProviderPort {
    /** The name used in model chains and events: "gemini", "openai", "groq", "offline", ... */
    String name();

    /** @throws ProviderFailure classified */
    ProviderReply call(ProviderCall call);
}
