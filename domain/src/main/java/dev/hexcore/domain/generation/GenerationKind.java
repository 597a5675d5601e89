package dev.hexcore.domain.generation;

/** What a {@link ModelRequest} asks for; decides which fields it needs and what its {@link ModelResult} carries. */
public enum GenerationKind {
    /** Plain text completion of one prompt. */
    TEXT,
    /** JSON valid against a JSON Schema. */
    STRUCTURED,
    /** The next assistant turn of a conversation. */
    CHAT,
    /** Images made from input images and a prompt. */
    IMAGE
}
