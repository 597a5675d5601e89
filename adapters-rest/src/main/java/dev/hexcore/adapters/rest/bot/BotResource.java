package dev.hexcore.adapters.rest.bot;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.adapters.rest.shared.PageQuery;
import dev.hexcore.adapters.rest.shared.PageResponse;
import dev.hexcore.application.bot.BotUsersUseCase;
import dev.hexcore.application.bot.BotUsersUseCase.DailyBonus;
import dev.hexcore.application.bot.BotUsersUseCase.RegisterBotUserCommand;
import dev.hexcore.application.bot.BotUsersUseCase.Registration;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GenerateCommand;
import dev.hexcore.application.bot.GenerateFromDrawingUseCase.GeneratedImages;
import dev.hexcore.domain.bot.BotGeneration;
import dev.hexcore.domain.bot.CreditEntry;
import dev.hexcore.domain.generation.ImageData;
import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.PayloadTooLargeException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Seed 003's bot backend under {@code /api/v1/bot}: users, their ozhivashki ledger and daily bonus, generation from a
 * drawing and its history. For the bot's own server: an API key with the {@code bot} scope ({@code api-key},
 * {@code X-API-Key} or {@code Authorization: Bearer}). Every route blocks on the database (and generate on the model),
 * so each runs on a virtual thread (ADR 0015).
 */
@Path("/api/v1/bot")
@Authenticated
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bot", description = "The Ozhivlyator Telegram-bot backend (seed 003)")
public class BotResource {
    private static final String PROBLEM = "application/problem+json";

    public record RegisterRequest(@NotNull Long chatId, String username, String referralCode, String advertisingSource) {
        RegisterBotUserCommand toCommand() {
            return new RegisterBotUserCommand(chatId, username, referralCode, advertisingSource);
        }
    }

    @RegisterForReflection
    public record LedgerEntryResponse(long id, int amount, String reason, String idempotencyKey, int balanceAfter,
                                      Instant createdAt) {
        static LedgerEntryResponse from(CreditEntry e) {
            return new LedgerEntryResponse(e.id(), e.amount(), e.reason().code(), e.idempotencyKey(), e.balanceAfter(),
                    e.createdAt());
        }
    }

    @RegisterForReflection
    public record LedgerPage(List<LedgerEntryResponse> items, int page, int limit, long total) {
    }

    @RegisterForReflection
    public record DailyBonusResponse(int ozhivashkiGranted, BotUserResponse user) {
    }

    /** Seed 003's answer: base64 images (PNG unless the model answered otherwise). */
    @RegisterForReflection
    public record GenerateResponse(List<String> mainImages, List<String> bonusImages, int ozhivashkiSpent, int newBalance) {
        static GenerateResponse from(GeneratedImages images) {
            return new GenerateResponse(base64(images.mainImages()), base64(images.bonusImages()),
                    images.ozhivashkiSpent(), images.newBalance());
        }

        private static List<String> base64(List<ImageData> images) {
            return images.stream().map(i -> Base64.getEncoder().encodeToString(i.bytes())).toList();
        }
    }

    @RegisterForReflection
    public record GenerationResponse(UUID id, String status, String provider, String model, Long latencyMs,
                                     int mainImages, int bonusImages, String errorCode, Instant createdAt,
                                     Instant completedAt) {
        static GenerationResponse from(BotGeneration g) {
            return new GenerationResponse(g.id(), g.status().code(), g.provider(), g.model(), g.latencyMs(),
                    g.mainImageKeys().size(), g.bonusImageKeys().size(), g.errorCode(), g.createdAt(), g.completedAt());
        }
    }

    @RegisterForReflection
    public record GenerationsPage(List<GenerationResponse> items, int page, int limit, long total) {
    }

    /** The multipart form of {@code POST /generate}, as the OpenAPI document shows it. */
    public static class GenerateForm {
        @Schema(description = "The user's Telegram chat id", example = "123456789")
        public String chatId;
        @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary",
                description = "The drawing: JPEG, PNG or WebP, at most 10 MB, 10 000 px a side, 40 megapixels")
        public byte[] image;
    }

    private final BotUsersUseCase users;
    private final GenerateFromDrawingUseCase generations;
    private final SecurityIdentity identity;
    private final long maxImageBytes;

    public BotResource(BotUsersUseCase users, GenerateFromDrawingUseCase generations, SecurityIdentity identity,
                       @ConfigProperty(name = "hexcore.bot.max-image-size", defaultValue = "10485760") long maxImageBytes) {
        this.users = users;
        this.generations = generations;
        this.identity = identity;
        this.maxImageBytes = maxImageBytes;
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(operationId = "registerBotUser", summary = "Register a bot user (201) or return the existing one unchanged (200)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "with a referral", value = BotExamples.REGISTER)))
    @APIResponse(responseCode = "201", description = "Created, with the welcome ozhivashka; referred_by is the referrer's "
            + "chat id when referral_code names another registered user, else null",
            content = @Content(schema = @Schema(implementation = BotUserResponse.class),
                    examples = @ExampleObject(name = "created", value = BotExamples.USER)))
    @APIResponse(responseCode = "200", description = "The chat id was registered already: the user, unchanged",
            content = @Content(schema = @Schema(implementation = BotUserResponse.class),
                    examples = @ExampleObject(name = "existing", value = BotExamples.USER)))
    @APIResponse(responseCode = "422", description = "chat_id missing or not a Telegram chat id; a text field too long "
            + "or not one line")
    public Response register(@Valid @NotNull RegisterRequest request) {
        Registration registration = users.register(Actors.of(identity), request.toCommand());
        return Response.status(registration.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BotUserResponse.from(registration.profile())).build();
    }

    @GET
    @Path("/users/{chat_id}")
    @RunOnVirtualThread
    @Operation(operationId = "getBotUser", summary = "A bot user")
    @APIResponse(responseCode = "200", description = "The user",
            content = @Content(schema = @Schema(implementation = BotUserResponse.class),
                    examples = @ExampleObject(name = "user", value = BotExamples.USER)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = BotExamples.NOT_FOUND)))
    public BotUserResponse get(@Parameter(description = "Telegram chat id", example = "123456789")
                               @RestPath("chat_id") String chatId) {
        return BotUserResponse.from(users.get(Actors.of(identity), PathIds.chatId(chatId)));
    }

    @GET
    @Path("/users/{chat_id}/ledger")
    @RunOnVirtualThread
    @Operation(operationId = "getBotUserLedger", summary = "The user's ozhivashki ledger, newest entry first")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}",
            content = @Content(schema = @Schema(implementation = LedgerPage.class),
                    examples = @ExampleObject(name = "ledger", value = BotExamples.LEDGER)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = BotExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "A malformed page or limit")
    public PageResponse<LedgerEntryResponse> ledger(@Parameter(description = "Telegram chat id", example = "123456789")
                                                    @RestPath("chat_id") String chatId, @Valid @BeanParam PageQuery page) {
        return PageResponse.from(users.ledger(Actors.of(identity), PathIds.chatId(chatId), page.toPageRequest()),
                LedgerEntryResponse::from);
    }

    @POST
    @Path("/users/{chat_id}/daily_bonus")
    @RunOnVirtualThread
    @Operation(operationId = "claimBotDailyBonus", summary = "Claim today's daily bonus (once per calendar day, "
            + "Europe/Moscow by default); the bonus grows with the streak of consecutive days")
    @APIResponse(responseCode = "200", description = "Granted: the amount and the user after it",
            content = @Content(schema = @Schema(implementation = DailyBonusResponse.class),
                    examples = @ExampleObject(name = "third day in a row", value = BotExamples.DAILY_BONUS)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = BotExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "DAILY_BONUS_ALREADY_CLAIMED today", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "claimed", value = BotExamples.ALREADY_CLAIMED)))
    public DailyBonusResponse dailyBonus(@Parameter(description = "Telegram chat id", example = "123456789")
                                         @RestPath("chat_id") String chatId) {
        DailyBonus bonus = users.claimDailyBonus(Actors.of(identity), PathIds.chatId(chatId));
        return new DailyBonusResponse(bonus.amount(), BotUserResponse.from(bonus.profile()));
    }

    @POST
    @Path("/generate")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RunOnVirtualThread
    @Operation(operationId = "generateFromDrawing", summary = "Bring a drawing to life: four images (and bonus images on "
            + "the first generation and on bonus-streak days) for one ozhivashka")
    @RequestBody(content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA,
            schema = @Schema(implementation = GenerateForm.class)))
    @APIResponse(responseCode = "200", description = "Generated; with an Idempotency-Key already answered, the first "
            + "result again without a second charge (Idempotency-Replayed: true)",
            content = @Content(schema = @Schema(implementation = GenerateResponse.class),
                    examples = @ExampleObject(name = "first generation", value = BotExamples.GENERATED)))
    @APIResponse(responseCode = "402", description = "INSUFFICIENT_CREDITS: no ozhivashki left", content = @Content(
            mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
            examples = @ExampleObject(name = "insufficient", value = BotExamples.INSUFFICIENT)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = BotExamples.NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "GENERATION_IN_PROGRESS: the same Idempotency-Key is still running",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
                    examples = @ExampleObject(name = "in progress", value = BotExamples.IN_PROGRESS)))
    @APIResponse(responseCode = "413", description = "The image is larger than 10 MB", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "too large", value = BotExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "The image is no JPEG, PNG or WebP (by its bytes)", content = @Content(
            mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
            examples = @ExampleObject(name = "unsupported", value = BotExamples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "chat_id or image missing or malformed; the image unreadable or "
            + "beyond 10 000 px a side or 40 megapixels")
    @APIResponse(responseCode = "502", description = "MODEL_BAD_RESPONSE: the model refused the drawing; the ozhivashka "
            + "was given back", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
            examples = @ExampleObject(name = "refused", value = BotExamples.BAD_GATEWAY)))
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model could answer (quota), Retry-After; the "
            + "ozhivashka was given back", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "Problem"),
            examples = @ExampleObject(name = "unavailable", value = BotExamples.UNAVAILABLE)))
    public Response generate(@RestForm("chat_id") @PartType(MediaType.TEXT_PLAIN) String chatId,
                             @RestForm("image") FileUpload image,
                             @Parameter(description = "Makes a retry answer the first result without a second charge")
                             @RestHeader("Idempotency-Key") String idempotencyKey) {
        long chat = formChatId(chatId);
        GeneratedImages generated = generations.generate(Actors.of(identity),
                new GenerateCommand(chat, read(image), idempotencyKey));
        Response.ResponseBuilder response = Response.ok(GenerateResponse.from(generated));
        if (generated.replayed()) response.header("Idempotency-Replayed", "true");
        return response.build();
    }

    @GET
    @Path("/users/{chat_id}/generations")
    @RunOnVirtualThread
    @Operation(operationId = "listBotGenerations", summary = "The user's generations, newest first: status, model, latency, image counts")
    @APIResponse(responseCode = "200", description = "{items, page, limit, total}",
            content = @Content(schema = @Schema(implementation = GenerationsPage.class),
                    examples = @ExampleObject(name = "history", value = BotExamples.GENERATIONS)))
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = PROBLEM,
            schema = @Schema(ref = "Problem"), examples = @ExampleObject(name = "not found", value = BotExamples.NOT_FOUND)))
    @APIResponse(responseCode = "422", description = "A malformed page or limit")
    public PageResponse<GenerationResponse> history(@Parameter(description = "Telegram chat id", example = "123456789")
                                                    @RestPath("chat_id") String chatId, @Valid @BeanParam PageQuery page) {
        return PageResponse.from(generations.history(Actors.of(identity), PathIds.chatId(chatId), page.toPageRequest()),
                GenerationResponse::from);
    }


    private static long formChatId(String value) {
        if (value == null || value.isBlank()) throw new InvalidValueException("chat_id", "is required");
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("chat_id", "must be a whole number");
        }
    }

    private byte[] read(FileUpload image) {
        if (image == null || image.uploadedFile() == null) throw new InvalidValueException("image", "is required");
        if (image.size() > maxImageBytes) {
            throw new PayloadTooLargeException("The image is larger than " + maxImageBytes + " bytes");
        }
        try {
            return Files.readAllBytes(image.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the uploaded image", e);
        }
    }
}
