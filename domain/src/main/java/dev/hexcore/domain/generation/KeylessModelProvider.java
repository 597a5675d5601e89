package dev.hexcore.domain.generation;

/**
 * A provider that needs no credential (the offline provider, a local server without auth). The gateway does not ask
 * the {@link ModelKeyPool} for it and calls it with {@link #NO_KEY}.
 */
public interface KeylessModelProvider extends ModelProviderPort {
    /** The placeholder key a keyless provider is called with; it is never recorded in events. */
    ProviderKey NO_KEY = new ProviderKey("none", "");
}
