package dev.hexcore.domain.generation;

import java.time.Instant;

/** The key pool's answer to "a key for one request to this model, please". */
public sealed interface KeyLease {
    /** This key has headroom; the request has been counted against its quotas. */
    record Granted(ProviderKey key) implements KeyLease {
    }

    /**
     * No key can take the request now. {@code earliestRecovery} is when the first one will (a cooldown ends, a minute
     * or day window rolls over), or null when no usable key exists at all (none configured, all disabled).
     */
    record Unavailable(Instant earliestRecovery, String reason) implements KeyLease {
    }
}
