package dev.hexcore.domain.shared;

import java.util.UUID;

/** Source of new identifiers. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
