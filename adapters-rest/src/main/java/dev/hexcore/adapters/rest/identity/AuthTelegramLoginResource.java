package dev.hexcore.adapters.rest.identity;

import dev.hexcore.adapters.rest.identity.AuthRequests.TokenResponse;
import dev.hexcore.adapters.rest.identity.TelegramLoginResource.OtpSentResponse;
import dev.hexcore.adapters.rest.identity.TelegramLoginResource.SendOtpRequest;
import dev.hexcore.adapters.rest.identity.TelegramLoginResource.VerifyOtpRequest;
import dev.hexcore.adapters.rest.openapi.Examples;
import dev.hexcore.application.identity.TelegramLoginUseCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
 * Telegram OTP login at the path conventions.md lists ({@code /api/v1/auth/telegram/*}): the same use case and answers
 * as {@link TelegramLoginResource} at the seed's path. Its own class, because {@code AuthResource} owns
 * {@code /api/v1/auth} and a class path decides which class's methods are tried.
 */
@Path("/api/v1/auth/telegram")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Accounts and tokens")
public class AuthTelegramLoginResource {
    private final TelegramLoginUseCase login;

    public AuthTelegramLoginResource(TelegramLoginUseCase login) {
        this.login = login;
    }

    @POST
    @Path("/send-otp")
    @Operation(operationId = "sendTelegramOtpUnderAuth", summary = "Same as POST /api/v1/telegram/send-otp (the path conventions.md lists)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "send", value = "{\"telegram_id\":123456789}")))
    @APIResponse(responseCode = "200", description = "Accepted (also for an unknown telegram_id)",
            content = @Content(schema = @Schema(implementation = OtpSentResponse.class), examples = @ExampleObject(name = "sent", value = TelegramLoginResource.SENT)))
    @APIResponse(responseCode = "429", description = "OTP_THROTTLED: one code per 60 s and five per hour per telegram_id")
    public OtpSentResponse sendOtpUnderAuth(@Valid @NotNull SendOtpRequest request) {
        return new OtpSentResponse(true, login.sendCode(request.telegramId()).expiresIn().toSeconds());
    }

    @POST
    @Path("/verify-otp")
    @Operation(operationId = "verifyTelegramOtpUnderAuth", summary = "Same as POST /api/v1/telegram/verify-otp (the path conventions.md lists)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "verify", value = "{\"telegram_id\":123456789,\"code\":\"042917\"}")))
    @APIResponse(responseCode = "200", description = "Tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class), examples = @ExampleObject(name = "tokens", value = Examples.TOKENS)))
    @APIResponse(responseCode = "401", description = "INVALID_OTP: wrong, expired, already used or never sent")
    public TokenResponse verifyOtpUnderAuth(@Valid @NotNull VerifyOtpRequest request) {
        return TokenResponse.from(login.verify(request.telegramId(), request.code()));
    }
}
