package dev.hexcore.adapters.rest.ratelimit;

import dev.hexcore.adapters.rest.http.HttpEdge;
import dev.hexcore.adapters.rest.problem.Problems;
import dev.hexcore.adapters.rest.security.Actors;
import dev.hexcore.adapters.rest.shared.Unis;
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
import java.util.List;
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
    /** The configured route overrides with their policies, longest prefix first, so the first match is the most specific. */
    private final List<Route> routes;
    /** The fixed policies, built once: every request names one of them unless a route override applies. */
    private final RateLimitPolicy authPolicy;
    private final RateLimitPolicy anonymousPolicy;
    private final RateLimitPolicy defaultPolicy;

    public RateLimitFilter(RateLimiter limiter, RateLimitConfig config, CurrentIdentityAssociation identities,
                           MeterRegistry registry) {
        this.limiter = limiter;
        this.config = config;
        this.identities = identities;
        this.rejections = Counter.builder("hexcore.ratelimit.rejections")
                .description("Requests refused with 429 by the rate limiter").register(registry);
        this.routes = config.routes().entrySet().stream()
                .map(e -> new Route(e.getKey(), RateLimitPolicy.perMinute("route:" + e.getKey(), e.getValue())))
                .sorted(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()).toList();
        this.authPolicy = RateLimitPolicy.perMinute("auth", config.authPerMin());
        this.anonymousPolicy = RateLimitPolicy.perMinute("anonymous", config.anonymousPerMin());
        this.defaultPolicy = RateLimitPolicy.perMinute("default", config.defaultPerMin());
    }

    private record Target(String subject, RateLimitPolicy policy) {
    }

    private record Route(String prefix, RateLimitPolicy policy) {
    }

    /**
     * Pre-matching, so it runs before the security checks: calls with bad or missing credentials are counted too
     * (against the client address), which is what stops key and password guessing.
     */
    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext requestContext, RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String path = request.path();
        if (!config.enabled() || startsWithAny(path, config.exemptPaths())) {
            return Uni.createFrom().nullItem();
        }
        Route route = routeOverride(path);
        String address = "ip:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        if (startsWithAny(path, config.authPaths())) {
            return check(target(address, route, authPolicy), requestContext, request);
        }
        if (startsWithAny(path, config.credentialFreePaths())) {
            return check(target(address, route, anonymousPolicy), requestContext, request);
        }
        return identities.getDeferredIdentity().onItemOrFailure().transformToUni((identity, failure) -> {
            if (failure != null) {
                // Bad credentials: counted against the address like an anonymous call, then the 401 goes out.
                return check(target(address, route, anonymousPolicy), requestContext, request)
                        .chain(refused -> refused != null ? Uni.createFrom().item(refused) : Uni.createFrom().failure(failure));
            }
            if (!identity.isAnonymous()) routing.put(HttpEdge.PRINCIPAL_KEY, identity.getPrincipal().getName());
            return check(target(identity, address, route), requestContext, request);
        });
    }

    private static boolean startsWithAny(String path, List<String> prefixes) {
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) return true;
        }
        return false;
    }

    /** The route's override if one matches ({@code route} non-null), else {@code policy}; counted for {@code subject}. */
    private static Target target(String subject, Route route, RateLimitPolicy policy) {
        return new Target(subject, route == null ? policy : route.policy());
    }

    private Uni<Response> check(Target target, ContainerRequestContext requestContext, HttpServerRequest request) {
        return Unis.of(() -> limiter.acquire(target.subject(), target.policy()),
                decision -> respond(decision, requestContext, request));
    }

    /** Null to let the request through (its headers are added on the way out), else the 429. */
    private Response respond(RateLimitDecision decision, ContainerRequestContext requestContext, HttpServerRequest request) {
        requestContext.setProperty(DECISION, decision);
        if (decision.allowed()) return null;
        rejections.increment();
        return tooManyRequests(request, decision);
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

    /** The longest configured route prefix that matches, or null. */
    private Route routeOverride(String path) {
        for (Route route : routes) {
            if (path.startsWith(route.prefix())) return route;
        }
        return null;
    }

    private Target target(SecurityIdentity identity, String address, Route route) {
        Actor actor = identity.isAnonymous() ? null : identity.getAttribute(Actors.ATTRIBUTE);
        if (actor == null) return target(address, route, anonymousPolicy);
        String caller = (actor.kind() == Actor.Kind.API_KEY ? "key:" : "user:") + actor.id();
        Integer own = identity.getAttribute(Actors.RATE_LIMIT_ATTRIBUTE);
        return target(caller, route, own != null ? RateLimitPolicy.perMinute("key-own", own) : defaultPolicy);
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
