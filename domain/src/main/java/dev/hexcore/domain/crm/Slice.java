package dev.hexcore.domain.crm;

import java.util.List;
import java.util.function.Function;

/** One window of a stable-ordered list, as seed 004 pages: {@code skip}, {@code limit} and the total. */
public record Slice<T>(List<T> items, int skip, int limit, long total) {
    public Slice {
        items = List.copyOf(items);
    }

    public <R> Slice<R> map(Function<? super T, ? extends R> mapper) {
        return new Slice<>(items.stream().<R>map(mapper).toList(), skip, limit, total);
    }
}
