package dev.hexcore.adapters.rest.recommendation;

import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.application.recommendation.RecommendationsUseCase;
import dev.hexcore.domain.recommendation.OrderStats;
import dev.hexcore.domain.recommendation.Recommendation;
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
import org.jboss.resteasy.reactive.RestPath;

/**
 * Seed 000's AI recommendations from a customer's orders, keyed by Telegram user id. The person themselves sees their
 * orders in every shop, a manager those in their shop, an admin every shop; anyone else gets 403.
 */
@Path("/api/v1/users/{tgid}/recommendations")
@Authenticated
@SecurityRequirement(name = "apiKey")
@SecurityRequirement(name = "bearer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "recommendations")
public class RecommendationsResource {
    static final String EXAMPLE = "{\"summary\":\"Вы заказываете букеты почти каждую неделю, чаще всего пионы.\","
            + "\"tips\":[\"Оформляйте заказ накануне пятницы: так букет точно будет к выходным.\","
            + "\"Попробуйте сезонные цветы: они свежее и дешевле.\",\"Подпишитесь на регулярную доставку пионов.\"],"
            + "\"generated_at\":\"2026-12-04T03:00:12Z\",\"stats\":{\"orders_count\":6,\"total_spent\":\"14700.00\","
            + "\"average_order_value\":\"2450.00\",\"currency\":\"RUB\",\"favourite_products\":[{\"name\":\"Пионы\",\"count\":9},"
            + "{\"name\":\"Розы\",\"count\":4}],\"preferred_days\":[\"friday\",\"saturday\"],\"preferred_hours\":[18,10],"
            + "\"last_order_at\":\"2026-12-03T18:20:00Z\"}}";

    /** The seed's RecommendationsResponse. */
    public record RecommendationsResponse(String summary, List<String> tips, Instant generatedAt, OrderStatsResponse stats) {
        static RecommendationsResponse from(Recommendation r) {
            return new RecommendationsResponse(r.summary(), r.tips(), r.generatedAt(), OrderStatsResponse.from(r.stats()));
        }
    }

    /** The seed's OrderStats over the last 30 days: amounts as decimal strings, days and hours in UTC. */
    public record OrderStatsResponse(int ordersCount, String totalSpent, String averageOrderValue, String currency,
                                     List<ProductCountResponse> favouriteProducts, List<String> preferredDays,
                                     List<Integer> preferredHours, Instant lastOrderAt) {
        static OrderStatsResponse from(OrderStats s) {
            return new OrderStatsResponse(s.ordersCount(), s.totalSpent().toPlainString(), s.averageOrderValue().toPlainString(),
                    s.currency(), s.favouriteProducts().stream().map(p -> new ProductCountResponse(p.name(), p.count())).toList(),
                    s.preferredDays(), s.preferredHours(), s.lastOrderAt());
        }
    }

    public record ProductCountResponse(String name, long count) {
    }

    private final RecommendationsUseCase recommendations;
    private final SecurityIdentity identity;

    public RecommendationsResource(RecommendationsUseCase recommendations, SecurityIdentity identity) {
        this.recommendations = recommendations;
        this.identity = identity;
    }

    @GET
    @RunOnVirtualThread
    @Operation(operationId = "getRecommendations", summary = "The cached recommendations (manager, admin or self)")
    @APIResponse(responseCode = "200", description = "RecommendationsResponse",
            content = @Content(schema = @Schema(implementation = RecommendationsResponse.class),
                    examples = @ExampleObject(name = "recommendations", value = EXAMPLE)))
    @APIResponse(responseCode = "403", description = "Neither the person, nor a manager, nor an admin")
    @APIResponse(responseCode = "404", description = "None generated yet in the caller's scope (or expired after 24 h)")
    @APIResponse(responseCode = "503", description = "RECOMMENDATIONS_UNAVAILABLE: the cache (Redis) does not answer; see Retry-After")
    public RecommendationsResponse get(@RestPath String tgid) {
        return RecommendationsResponse.from(recommendations.get(Actors.of(identity), PathIds.positiveLong(tgid, "Recommendations")));
    }

    @POST
    @Path("/generate")
    @RunOnVirtualThread
    @Operation(operationId = "generateRecommendations",
            summary = "Generate fresh recommendations from the last 30 days of orders (manager, admin or self); takes seconds")
    @APIResponse(responseCode = "200", description = "RecommendationsResponse",
            content = @Content(schema = @Schema(implementation = RecommendationsResponse.class),
                    examples = @ExampleObject(name = "recommendations", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "NOT_ENOUGH_ORDERS with orders_count and minimum")
    @APIResponse(responseCode = "403", description = "Neither the person, nor a manager, nor an admin")
    @APIResponse(responseCode = "404", description = "tgid is not a positive integer")
    @APIResponse(responseCode = "429", description = "RECOMMENDATIONS_COOLDOWN: generated too recently; see Retry-After")
    @APIResponse(responseCode = "502", description = "The model's answer was unusable after repair")
    @APIResponse(responseCode = "503", description = "MODEL_UNAVAILABLE: no model key available (quota spent) or the 30 s "
            + "budget ran out; RECOMMENDATIONS_UNAVAILABLE: the cache (Redis) does not answer; see Retry-After")
    public RecommendationsResponse generate(@RestPath String tgid) {
        return RecommendationsResponse.from(recommendations.generate(Actors.of(identity),
                PathIds.positiveLong(tgid, "Recommendations")));
    }
}
