package dev.hexcore.adapters.rest.crm;

import dev.hexcore.domain.crm.ListQuery;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * A CRM list's query: the shop, and seed 004's {@code skip}, {@code limit} and {@code search}. Numbers are taken as
 * text so a malformed one is a 422 naming the field.
 */
public class CrmQuery extends ShopQuery {
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

    public ListQuery list() {
        return ListQuery.of(skip == null ? null : Integer.valueOf(skip), limit == null ? null : Integer.valueOf(limit), search);
    }
}
