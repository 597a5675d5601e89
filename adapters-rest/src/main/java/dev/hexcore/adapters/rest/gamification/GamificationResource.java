package dev.hexcore.adapters.rest.gamification;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.gamification.GamificationUseCase;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Issue 14: XP, level (1 + xp / 100), streaks in the user's time zone, streak freezes and achievements. */
@Path("/api/v1/gamification")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "gamification", description = "XP, streaks, freezes and achievements (issue 14)")
public class GamificationResource {
    public record AchievementView(String code, String title, String description, Instant unlockedAt) {
    }

    public record SummaryResponse(long xp, int level, int currentStreak, int longestStreak, int freezesAvailable,
                                  List<AchievementView> achievements) {
    }

    public record FreezeResponse(int freezesAvailable, long xp) {
    }

    private final GamificationUseCase gamification;
    private final SecurityIdentity identity;

    public GamificationResource(GamificationUseCase gamification, SecurityIdentity identity) {
        this.gamification = gamification;
        this.identity = identity;
    }

    @GET
    @Path("/summary")
    @RunOnVirtualThread
    @Operation(operationId = "gamificationSummary", summary = "XP, level, streaks, freezes held and unlocked achievements")
    @APIResponse(responseCode = "200", description = "The summary", content = @Content(
            schema = @Schema(implementation = SummaryResponse.class), examples = @ExampleObject(name = "summary", value = """
                    {"xp":120,"level":2,"current_streak":3,"longest_streak":5,"freezes_available":1,"achievements":[\
                    {"code":"FIRST_LESSON","title":"First lesson","description":"Finish a level",\
                    "unlocked_at":"2026-12-01T18:00:00Z"}]}""")))
    public SummaryResponse summary() {
        var summary = gamification.summary(Actors.user(identity));
        return new SummaryResponse(summary.xp(), summary.level(), summary.currentStreak(), summary.longestStreak(),
                summary.freezesAvailable(), summary.achievements().stream().map(unlocked -> new AchievementView(
                        unlocked.achievement().name(), unlocked.achievement().title(),
                        unlocked.achievement().description(), unlocked.at())).toList());
    }

    @POST
    @Path("/buy-freeze")
    @RunOnVirtualThread
    @Operation(operationId = "buyStreakFreeze", summary = "Spend XP on a streak freeze (hexcore.gamification.freeze-cost, default 50)")
    @APIResponse(responseCode = "200", description = "Freezes held and XP left", content = @Content(
            schema = @Schema(implementation = FreezeResponse.class),
            examples = @ExampleObject(name = "bought", value = "{\"freezes_available\":1,\"xp\":70}")))
    @APIResponse(responseCode = "409", description = "INSUFFICIENT_XP, or FREEZE_LIMIT_REACHED when the most freezes (default 2) are held")
    public FreezeResponse buyFreeze() {
        var bought = gamification.buyFreeze(Actors.user(identity));
        return new FreezeResponse(bought.freezesAvailable(), bought.xp());
    }
}
