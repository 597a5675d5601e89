package dev.hexcore.adapters.rest.identity;

import dev.hexcore.application.identity.RegisterUserUseCase.RegisterUserCommand;
import dev.hexcore.adapters.rest.validation.SingleLine;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of /api/v1/auth. */
public final class AuthRequests {
    private AuthRequests() {
    }

    public record RegisterRequest(
            @NotBlank @SingleLine @Size(min = 3, max = 50) String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 72) String password,
            @SingleLine @Size(min = 1, max = 50) String nativeLanguage,
            @SingleLine @Size(min = 1, max = 50) String targetLanguage) {
        RegisterUserCommand toCommand() {
            return new RegisterUserCommand(username, email, password, nativeLanguage, targetLanguage);
        }
    }

    public record LoginRequest(@NotBlank @SingleLine @Size(max = 254) String username, @NotBlank @Size(max = 128) String password) {
    }

    public record RefreshRequest(@NotBlank @Size(max = 512) String refreshToken) {
    }

    @RegisterForReflection
    public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {
        static TokenResponse from(dev.hexcore.application.identity.TokenPair pair) {
            return new TokenResponse(pair.accessToken(), pair.refreshToken(), "bearer", pair.expiresIn().toSeconds());
        }
    }

    /** GET /auth/me for an API key: who the key is, without a database read. */
    @RegisterForReflection
    public record ApiKeyCallerResponse(String id, String kind, java.util.List<String> scopes) implements CallerResponse {
    }
}
