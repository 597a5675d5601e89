package dev.hexcore.adapters.rest.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** OpenAPI document header and the two ways to authenticate. */
@OpenAPIDefinition(info = @Info(title = "Hexcore API", version = "1",
        description = "One backend core for five AI-powered products. Errors are application/problem+json (RFC 9457)."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
                bearerFormat = "JWT", description = "Access token from POST /api/v1/auth/login"),
        @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
                apiKeyName = "X-API-Key", description = "hk_live_… key; also accepted in api-key or Authorization: Bearer")})
public class HexcoreApi extends Application {
}
