package dev.hexcore.domain.shared;

import java.util.Base64;
import java.util.random.RandomGenerator;

/** Random URL-safe tokens; callers pass a cryptographically strong generator. */
public final class Secrets {
    private Secrets() {
    }

    /** {@code bytes} random bytes as unpadded base64url. */
    public static String randomToken(RandomGenerator random, int bytes) {
        byte[] buf = new byte[bytes];
        random.nextBytes(buf);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf);
    }
}
