package dev.hexcore.application.identity.fakes;

import dev.hexcore.domain.identity.AccessToken;
import dev.hexcore.domain.identity.AccessTokenIssuer;
import dev.hexcore.domain.identity.User;
import java.time.Duration;
import java.time.Instant;

/** Issues {@code access-<userId>-<counter>}, the counter counting every token issued by this instance. */
public final class FakeAccessTokenIssuer implements AccessTokenIssuer {
    public static final Duration LIFETIME = Duration.ofMinutes(15);
    private int counter;

    @Override
    public AccessToken issue(User user, Instant now) {
        counter++;
        return new AccessToken("access-" + user.id() + "-" + counter, LIFETIME);
    }

    public int issued() {
        return counter;
    }
}
