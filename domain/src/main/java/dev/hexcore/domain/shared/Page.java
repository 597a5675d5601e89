package dev.hexcore.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a stable-ordered list and the total number of items. */
public record Page<T>(List<T> items, int page, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, limit, total);
    }
}
