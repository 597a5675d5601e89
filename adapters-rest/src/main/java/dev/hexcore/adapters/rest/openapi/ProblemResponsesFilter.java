package dev.hexcore.adapters.rest.openapi;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/** Documents the problem responses every operation can give, with an example body, unless it documents its own. */
public class ProblemResponsesFilter implements OASFilter {
    private static final Map<String, String> COMMON = Map.of(
            "400", "Malformed request (MALFORMED_JSON)",
            "401", "Missing or invalid credentials (UNAUTHENTICATED)",
            "403", "Not allowed (FORBIDDEN)",
            "413", "Body too large (PAYLOAD_TOO_LARGE)",
            "415", "Unsupported Content-Type (UNSUPPORTED_MEDIA_TYPE)",
            "422", "Invalid fields (VALIDATION_FAILED), with the field list in errors",
            "429", "Rate limited (RATE_LIMITED); Retry-After header, limit/remaining/reset_at in the body");

    private static final String EXAMPLE = "{\"type\":\"/problems/validation\",\"title\":\"Validation failed\","
            + "\"status\":422,\"detail\":\"1 fields are invalid\",\"instance\":\"/api/v1/auth/register\","
            + "\"code\":\"VALIDATION_FAILED\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\","
            + "\"errors\":[{\"field\":\"email\",\"message\":\"must be a well-formed email address\"}]}";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        COMMON.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) responses.addAPIResponse(status, problem(description));
            else if (responses.getAPIResponse(status).getContent() == null) {
                responses.getAPIResponse(status).setContent(problemContent());
            }
        });
        operation.setResponses(responses);
        return operation;
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(problemContent());
    }

    private static Content problemContent() {
        Example example = OASFactory.createExample().value(EXAMPLE);
        MediaType media = OASFactory.createMediaType().addExample("problem", example);
        return OASFactory.createContent().addMediaType("application/problem+json", media);
    }
}
