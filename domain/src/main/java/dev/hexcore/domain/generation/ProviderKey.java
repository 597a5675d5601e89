package dev.hexcore.domain.generation;

import java.util.Objects;

/** A provider credential: {@code id} is safe to log and record; {@code secret} never leaves the adapter call. */
public record ProviderKey(String id, String secret) {
    public ProviderKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "ProviderKey[" + id + "]";
    }
}
