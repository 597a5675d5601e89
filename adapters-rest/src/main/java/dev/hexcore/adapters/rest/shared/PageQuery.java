package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.PageRequest;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code page} (1-based, at most {@link PageRequest#MAX_PAGE}), {@code limit} (default 20, max 100) and, for seed
 * routes that use it, {@code skip}. Taken as text so "abc" is a 422 with the field name rather than a bare 404. Every
 * paged route reads its paging here, so page × limit can never overflow a store's offset.
 */
public class PageQuery {
    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a positive whole number")
    @Parameter(description = "1-based page number, at most 1000000", example = "1")
    public String page;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number between 1 and 100")
    @Parameter(description = "Items per page, 1 to 100 (default 20)", example = "20")
    public String limit;

    @RestQuery
    @Pattern(regexp = "\\d{1,9}", message = "must be a whole number of 0 or more")
    @Parameter(description = "Items to skip instead of page (seed routes); rounded down to a whole page", example = "0")
    public String skip;

    public PageRequest toPageRequest() {
        int size = limit == null ? PageRequest.DEFAULT_LIMIT : Integer.parseInt(limit);
        if (size < 1 || size > PageRequest.MAX_LIMIT) throw new InvalidValueException("limit", "must be between 1 and 100");
        if (page == null && skip != null) {
            long skipped = Long.parseLong(skip);
            if (skipped / size + 1 > PageRequest.MAX_PAGE) {
                throw new InvalidValueException("skip", "must be less than " + (long) PageRequest.MAX_PAGE * size
                        + " (" + PageRequest.MAX_PAGE + " pages of " + size + ")");
            }
            return new PageRequest((int) (skipped / size) + 1, size);
        }
        int number = page == null ? 1 : Integer.parseInt(page);
        if (number < 1 || number > PageRequest.MAX_PAGE) {
            throw new InvalidValueException("page", "must be between 1 and " + PageRequest.MAX_PAGE);
        }
        return new PageRequest(number, size);
    }
}
