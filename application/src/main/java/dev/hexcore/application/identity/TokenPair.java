package dev.hexcore.application.identity;

import java.time.Duration;

/** What a successful login or refresh hands out. The refresh token is plain here and stored only as a hash. */
public record TokenPair(String accessToken, String refreshToken, Duration expiresIn) {
}
