package dev.hexcore.adapters.rest.ratelimit;

import dev.hexcore.adapters.rest.http.HttpEdge;
import dev.hexcore.adapters.rest.problem.Problems;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.domain.identity.Actor;
import dev.hexcore.domain.quota.RateLimitDecision;
import dev.hexcore.domain.quota.RateLimitPolicy;
import dev.hexcore.domain.quota.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Counts every API call against one policy: the route's override if one matches, the tighter credential-route policy
 * per address, the caller's (API key or user) default, or the per-address anonymous policy. Adds the RateLimit-*
 * headers to every limited response and refuses with 429 + Retry-After when the budget is spent.
 */
public class RateLimitFilter {
    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final Counter rejections;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities,
                           MeterRegistry registry) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.rejections = Counter.builder("hexcore.ratelimit.rejections")
                .description("Requests refused with 429 by the rate limiter").register(registry);
    }

    private record Target(String subject, RateLimitPolicy policy) {
    }

    /**
     * Pre-matching, so it runs before the security checks: calls with bad or missing credentials are counted too
     * (against the client address), which is what stops key and password guessing.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext requestContext, RoutingContext routing) {
        String path = routing.request().path();
        if (!config.enabled() || config.exemptPaths().stream().anyMatch(path::startsWith)) {
            return Uni.createFrom().nullItem();
        }
        Optional<Map.Entry<String, Integer>> route = routeOverride(path);
        String address = "ip:" + (routing.request().remoteAddress() == null ? "unknown"
                : routing.request().remoteAddress().hostAddress());
        HttpServerRequest request = routing.request();
        if (config.authPaths().stream().anyMatch(path::startsWith)) {
            return check(target(address, route, "auth", config.authPerMin()), requestContext, request);
        }
        if (config.credentialFreePaths().stream().anyMatch(path::startsWith)) {
            return check(target(address, route, "anonymous", config.anonymousPerMin()), requestContext, request);
        }
        return identities.getDeferredIdentity().onItemOrFailure().transformToUni((identity, failure) -> {
            if (failure != null) {
                // Bad credentials: counted against the address like an anonymous call, then the 401 goes out.
                return check(target(address, route, "anonymous", config.anonymousPerMin()), requestContext, request)
                        .chain(refused -> refused != null ? Uni.createFrom().item(refused) : Uni.createFrom().failure(failure));
            }
            if (!identity.isAnonymous()) routing.put(HttpEdge.PRINCIPAL_KEY, identity.getPrincipal().getName());
            return check(target(identity, address, route), requestContext, request);
        });
    }

    /** The route's override if one matches, else the named policy; counted for {@code subject}. */
    private static Target target(String subject, Optional<Map.Entry<String, Integer>> route, String policy, int limit) {
        return route.map(r -> new Target(subject, RateLimitPolicy.perMinute("route:" + r.getKey(), r.getValue())))
                .orElseGet(() -> new Target(subject, RateLimitPolicy.perMinute(policy, limit)));
    }

    private Uni<Response> check(Target target, ContainerRequestContext requestContext, HttpServerRequest request) {
        return Uni.createFrom().completionStage(() -> limiter.acquire(target.subject(), target.policy()))
                .map(decision -> {
                    requestContext.setProperty(DECISION, decision);
                    if (decision.allowed()) return null;
                    rejections.increment();
                    return tooManyRequests(request, decision);
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimitDecision decision) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("RateLimit-Limit", decision.limit());
            headers.putSingle("RateLimit-Remaining", decision.remaining());
            headers.putSingle("RateLimit-Reset", Problems.ceilSeconds(decision.resetAfter()));
        }
    }

    /** The longest configured route prefix that matches, if any. */
    private Optional<Map.Entry<String, Integer>> routeOverride(String path) {
        return config.routes().entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getKey().length()));
    }

    private Target target(SecurityIdentity identity, String address, Optional<Map.Entry<String, Integer>> route) {
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(Actors.ATTRIBUTE);
        if (actor == null) return target(address, route, "anonymous", config.anonymousPerMin());
        String caller = (actor.kind() == Actor.Kind.API_KEY ? "key:" : "user:") + actor.id();
        Integer own = identity.getAttribute(Actors.RATE_LIMIT_ATTRIBUTE);
        return own != null ? target(caller, route, "key-own", own) : target(caller, route, "default", config.defaultPerMin());
    }

    private static Response tooManyRequests(HttpServerRequest request, RateLimitDecision decision) {
        Response problem = Problems.tooManyRequests(request, "RATE_LIMITED", "Rate limit of " + decision.limit()
                        + " requests per minute exceeded; retry in " + Problems.ceilSeconds(decision.retryAfter()) + " s",
                decision.limit(), decision.remaining(), decision.resetAfter(), decision.retryAfter());
        return Response.fromResponse(problem).header("RateLimit-Limit", decision.limit())
                .header("RateLimit-Remaining", decision.remaining())
                .header("RateLimit-Reset", Problems.ceilSeconds(decision.resetAfter())).build();
    }
}
