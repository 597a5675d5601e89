package dev.hexcore.adapters.rest.vocabulary;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.application.vocabulary.VocabularyUseCase;
import dev.hexcore.domain.vocabulary.DueItem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Seed 002 §18.5 and issue 14: spaced-repetition reviews of the learner's vocabulary (FSRS-6 by default, ADR 0026).
 * Ratings are the seed's 1..5: 1 and 2 → Again, 3 → Hard, 4 → Good, 5 → Easy.
 */
@Path("/api/v1/vocabulary")
@Authenticated
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "vocabulary", description = "Spaced-repetition reviews of the learner's words (seed 002, issue 14)")
public class VocabularyResource {
    public record ReviewRequest(UUID vocabularyId, Integer rating) {
    }

    /** {@code state}: new, learning, review or relearning; {@code mastery_level} 0..5 from stability. */
    public record DailyReviewItem(UUID vocabularyId, String word, String translation, String contextSentence,
                                  int masteryLevel, Instant nextReviewAt, String state) {
        static DailyReviewItem of(DueItem item) {
            return new DailyReviewItem(item.vocabularyId(), item.word(), item.translation(), item.contextSentence(),
                    item.masteryLevel(), item.nextReviewAt(), item.state().name().toLowerCase(Locale.ROOT));
        }
    }

    public record ReviewResponse(UUID vocabularyId, int rating, Instant nextReviewAt, int intervalDays,
                                 int masteryLevel, String state) {
    }

    static final String ITEMS_EXAMPLE = """
            [{"vocabulary_id":"0193a4f0-7c1e-7000-8000-000000000021","word":"сәлем","translation":"hello",\
            "context_sentence":"Сәлем! Менің атым Айгүл.","mastery_level":2,"next_review_at":"2026-12-04T08:00:00Z",\
            "state":"review"},{"vocabulary_id":"0193a4f0-7c1e-7000-8000-000000000022","word":"кітап","translation":"book",\
            "context_sentence":"Бұл менің кітабым.","mastery_level":0,"next_review_at":null,"state":"new"}]""";
    static final String REVIEW_EXAMPLE = """
            {"vocabulary_id":"0193a4f0-7c1e-7000-8000-000000000021","rating":5,\
            "next_review_at":"2026-12-20T23:10:00Z","interval_days":16,"mastery_level":3,"state":"review"}""";

    private final VocabularyUseCase vocabulary;
    private final SecurityIdentity identity;

    public VocabularyResource(VocabularyUseCase vocabulary, SecurityIdentity identity) {
        this.vocabulary = vocabulary;
        this.identity = identity;
    }

    @GET
    @Path("/daily-review")
    @RunOnVirtualThread
    @Operation(operationId = "dailyReview", summary = "Due words, most overdue first, then new words up to the daily new-word limit")
    @APIResponse(responseCode = "200", description = "The items to review now", content = @Content(
            schema = @Schema(implementation = DailyReviewItem[].class),
            examples = @ExampleObject(name = "items", value = ITEMS_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "A limit outside 1..100")
    public List<DailyReviewItem> dailyReview(
            @Parameter(description = "How many items, 1..100 (default 20)") @RestQuery
            // taken as text, as PageQuery does, so "abc" or an overflowing number is a 422 naming the field, not a 404
            @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 100") String limit) {
        return vocabulary.dailyReview(Actors.user(identity), limit == null ? null : Integer.valueOf(limit)).stream()
                .map(DailyReviewItem::of).toList();
    }

    @POST
    @Path("/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RunOnVirtualThread
    @Operation(operationId = "reviewVocabulary", summary = "Rate recall of a word 1..5 and schedule its next review")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "easy", value =
            "{\"vocabulary_id\":\"0193a4f0-7c1e-7000-8000-000000000021\",\"rating\":5}")))
    @APIResponse(responseCode = "200", description = "The new schedule", content = @Content(
            schema = @Schema(implementation = ReviewResponse.class),
            examples = @ExampleObject(name = "scheduled", value = REVIEW_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such vocabulary item, or someone else's")
    @APIResponse(responseCode = "400", description = "A body that is not JSON, or a field of the wrong type")
    @APIResponse(responseCode = "422", description = "No vocabulary_id, or a rating other than 1..5")
    public ReviewResponse review(@Valid @NotNull ReviewRequest request) {
        var outcome = vocabulary.review(Actors.user(identity), request.vocabularyId(), request.rating());
        return new ReviewResponse(outcome.vocabularyId(), outcome.rating(), outcome.nextReviewAt(),
                outcome.intervalDays(), outcome.masteryLevel(), outcome.state().name().toLowerCase(Locale.ROOT));
    }
}
