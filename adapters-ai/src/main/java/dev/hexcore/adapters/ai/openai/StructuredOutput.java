package dev.hexcore.adapters.ai.openai;

/** How an OpenAI-compatible provider is asked for JSON; providers and models differ in what they support. */
public enum StructuredOutput {
    /** {@code response_format: json_schema} with {@code strict: true} (OpenAI, Groq's newer models). */
    JSON_SCHEMA_STRICT,
    /** {@code response_format: json_schema}, best effort ({@code strict: false}): vLLM, OpenRouter, Ollama. */
    JSON_SCHEMA,
    /**
     * {@code response_format: json_object}, with the schema spelled out in the system message (which also gives the
     * word "JSON" that mode requires): for models without schema support.
     */
    JSON_OBJECT
}
