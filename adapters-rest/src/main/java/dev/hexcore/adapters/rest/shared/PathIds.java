package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.NotFoundException;
import java.util.UUID;

/** Ids in paths are taken as text: a malformed id names a resource that does not exist (404), not a missing route. */
public final class PathIds {
    private PathIds() {
    }

    public static UUID uuid(String value, String what) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(what);
        }
    }
}
