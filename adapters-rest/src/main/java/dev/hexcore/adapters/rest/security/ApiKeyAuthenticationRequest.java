package dev.hexcore.adapters.rest.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An API key secret presented in X-API-Key, api-key or Authorization: Bearer hk_live_… */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticationRequest[secret=***]";
    }
}
