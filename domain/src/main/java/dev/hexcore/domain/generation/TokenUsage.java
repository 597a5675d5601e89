package dev.hexcore.domain.generation;

/** Tokens a call consumed, as the provider reported them (zeros when it did not). */
public record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens);
    }
}
