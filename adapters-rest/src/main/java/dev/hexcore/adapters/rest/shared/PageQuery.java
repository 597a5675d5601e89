package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.PageRequest;
import jakarta.validation.constraints.Pattern;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code page} (1-based), {@code limit} (default 20, max 100) and, for seed routes that use it, {@code skip}.
 * Taken as text so "abc" is a 422 with the field name rather than a bare 404.
 */
public class PageQuery {
    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a positive whole number")
    public String page;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 100")
    public String limit;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number of 0 or more")
    public String skip;

    public PageRequest toPageRequest() {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : Integer.parseInt(limit);
        if (size < 1 || size > PageRequest.MAX_LIMIT) throw new InvalidValueException("limit", "must be between 1 and 100");
        if (page == null && skip != null) return new PageRequest(Integer.parseInt(skip) / size + 1, size);
        return new PageRequest(page == null ? 1 : Integer.parseInt(page), size);
    }
}
