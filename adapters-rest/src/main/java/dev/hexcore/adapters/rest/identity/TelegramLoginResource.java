package dev.hexcore.adapters.rest.identity;

import dev.hexcore.adapters.rest.identity.AuthRequests.TokenResponse;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.application.identity.TelegramLoginUseCase;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Seed 004's Telegram OTP login at the seed's {@code /api/v1/telegram/*} ({@link AuthTelegramLoginResource} serves
 * conventions.md's {@code /api/v1/auth/telegram/*}). Both answers are the same for a Telegram id without an account.
 */
@Path("/api/v1/telegram")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and tokens")
public class TelegramLoginResource {
    static final String SENT = "{\"sent\":true,\"expires_in\":300}";

    public record SendOtpRequest(@NotNull @Positive Long telegramId) {
    }

    public record VerifyOtpRequest(@NotNull @Positive Long telegramId, @NotBlank @Size(max = 16) String code) {
    }

    /** Always {@code sent: true}: whether an account is linked is never revealed. */
    @RegisterForReflection
    public record OtpSentResponse(boolean sent, long expiresIn) {
    }

    private final TelegramLoginUseCase login;

    public TelegramLoginResource(TelegramLoginUseCase login) {
        this.login = login;
    }

    @POST
    @Path("/send-otp")
    @Operation(operationId = "sendTelegramOtp", summary = "Send a 6-digit login code (valid 5 minutes) through the Telegram bot to the account linked "
            + "to telegram_id; the same answer when none is")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "send", value = "{\"telegram_id\":123456789}")))
    @APIResponse(responseCode = "200", description = "Accepted (also for an unknown telegram_id)",
            content = @Content(schema = @Schema(implementation = OtpSentResponse.class), examples = @ExampleObject(name = "sent", value = SENT)))
    @APIResponse(responseCode = "429", description = "OTP_THROTTLED: one code per 60 s and five per hour per telegram_id")
    public OtpSentResponse sendOtp(@Valid @NotNull SendOtpRequest request) {
        return new OtpSentResponse(true, login.sendCode(request.telegramId()).expiresIn().toSeconds());
    }

    @POST
    @Path("/verify-otp")
    @Operation(operationId = "verifyTelegramOtp", summary = "Exchange the code for the usual token pair; a code works once and dies after 5 wrong guesses")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "verify", value = "{\"telegram_id\":123456789,\"code\":\"042917\"}")))
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = Examples.TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_OTP: wrong, expired, already used or never sent")
    public TokenResponse verifyOtp(@Valid @NotNull VerifyOtpRequest request) {
        return TokenResponse.from(login.verify(request.telegramId(), request.code()));
    }
}
