package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;

/**
 * Seed 004's list parameters: {@code skip} (default 0), {@code limit} (default 100, at most 500) and an optional
 * case-insensitive contains-{@code search} (blank means none).
 */
public record ListQuery(int skip, int limit, String search) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    public static final int MAX_SEARCH = 100;

    public ListQuery {
        if (skip < 0) throw new InvalidValueException("skip", "must be 0 or more");
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidValueException("search", "must be at most " + MAX_SEARCH + " characters");
        }
    }

    public static ListQuery of(Integer skip, Integer limit, String search) {
        return new ListQuery(skip == null ? 0 : skip, limit == null ? DEFAULT_LIMIT : limit, search);
    }

    /** The search as a SQL {@code ILIKE} pattern with {@code %}, {@code _} and {@code \} taken literally. */
    public String likePattern() {
        if (search == null) return null;
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
