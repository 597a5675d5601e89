package dev.hexcore.domain.shared;

/** A 1-based page of at most {@link #MAX_LIMIT} items. */
public record PageRequest(int page, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /**
     * The deepest page a client may ask for. Stores page with int offsets (JPA's {@code setFirstResult}), so the edge
     * refuses deeper pages with a 422 instead of letting page × limit overflow: 1 000 000 × {@link #MAX_LIMIT} fits.
     */
    public static final int MAX_PAGE = 1_000_000;

    public PageRequest {
        if (page < 1) throw new InvalidValueException("page", "must be 1 or more");
        if (limit < 1 || limit > MAX_LIMIT) throw new InvalidValueException("limit", "must be between 1 and " + MAX_LIMIT);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
