package dev.hexcore.domain.identity;

import java.time.Duration;

/** A signed, short-lived access token. */
public record AccessToken(String value, Duration expiresIn) {
}
