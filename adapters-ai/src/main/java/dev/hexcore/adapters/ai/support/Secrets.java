package dev.hexcore.adapters.ai.support;

import dev.hexcore.domain.generation.ProviderKey;

/** Keeps key secrets out of failure messages: some providers echo the key they were given in their error text. */
public final class Secrets {
    private Secrets() {
    }

    /** {@code text} with every occurrence of the key's secret replaced by the key's id. */
    public static String redact(String text, ProviderKey key) {
        if (text == null || key == null || key.secret().isEmpty()) return text;
        return text.replace(key.secret(), "<key " + key.id() + ">");
    }

    /** A provider's error text made safe for an exception message: redacted and cut to 500 characters. */
    public static String safeMessage(String text, ProviderKey key) {
        String redacted = redact(text == null ? "" : text, key);
        return redacted.length() <= 500 ? redacted : redacted.substring(0, 500) + "...";
    }
}
