package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.shared.PathIds;
import dev.hexcore.domain.crm.ListQuery;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The query every CRM route shares: {@code shop_id} (admins and {@code crm} keys name the shop with it; staff may omit
 * it, and naming another shop is 404), and for lists seed 004's {@code skip}, {@code limit} and {@code search}.
 * Numbers are taken as text so a malformed one is a 422 naming the field.
 */
public class CrmQuery {
    @RestQuery("shop_id")
    @Parameter(description = "The shop to work in: required for admins and API keys, optional for staff (their own shop)")
    public String shopId;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number of 0 or more")
    @Parameter(description = "Items to skip (default 0)")
    public String skip;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 500")
    @Parameter(description = "Items to return (default 100, at most 500)")
    public String limit;

    @RestQuery
    @Parameter(description = "Case-insensitive contains-search (at most 100 characters)")
    public String search;

    /** The named shop, or null; an id that is not a UUID names no shop (404). */
    public UUID shop() {
        return shopId == null || shopId.isBlank() ? null : PathIds.uuid(shopId, "Shop");
    }

    public ListQuery list() {
        return ListQuery.of(skip == null ? null : Integer.valueOf(skip), limit == null ? null : Integer.valueOf(limit), search);
    }
}
