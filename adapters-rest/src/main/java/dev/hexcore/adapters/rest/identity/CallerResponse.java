package dev.hexcore.adapters.rest.identity;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What GET /auth/me answers: the user behind a token, or the API key itself. A declared type lets RESTEasy pick the
 * JSON writer once at build time; with {@code Object} it looked the writer up on every call.
 */
@Schema(oneOf = {UserResponse.class, AuthRequests.ApiKeyCallerResponse.class})
public sealed interface CallerResponse permits UserResponse, AuthRequests.ApiKeyCallerResponse {
}
