package dev.hexcore.adapters.rest.shared;

import dev.hexcore.domain.shared.Page;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.function.Function;

/** The list format of conventions.md: {"items":[...],"page":1,"limit":20,"total":57}. */
@RegisterForReflection
public record PageResponse<T>(List<T> items, int page, int limit, long total) {
    public static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.page(), page.limit(), page.total());
    }
}
