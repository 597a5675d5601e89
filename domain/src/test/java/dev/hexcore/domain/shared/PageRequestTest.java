package dev.hexcore.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PageRequestTest {

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of(0, 20, "page"),
                Arguments.of(-1, 20, "page"),
                Arguments.of(Integer.MIN_VALUE, 20, "page"),
                Arguments.of(1, 0, "limit"),
                Arguments.of(1, -5, "limit"),
                Arguments.of(1, 101, "limit"),
                Arguments.of(1, Integer.MAX_VALUE, "limit"));
    }

    @ParameterizedTest(name = "page={0} limit={1} -> {2}")
    @MethodSource("invalid")
    void out_of_bounds_pages_and_limits_are_refused(int page, int limit, String field) {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new PageRequest(page, limit))
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field)
                        .containsExactly(field));
    }

    static Stream<Arguments> offsets() {
        return Stream.of(
                Arguments.of(1, 1, 0L),
                Arguments.of(1, 20, 0L),
                Arguments.of(2, 20, 20L),
                Arguments.of(3, 100, 200L),
                Arguments.of(7, 15, 90L),
                Arguments.of(Integer.MAX_VALUE, 100, (Integer.MAX_VALUE - 1L) * 100));
    }

    @ParameterizedTest(name = "page={0} limit={1} -> offset {2}")
    @MethodSource("offsets")
    void offset_is_the_number_of_items_before_the_page_without_overflow(int page, int limit, long offset) {
        assertThat(new PageRequest(page, limit).offset()).isEqualTo(offset);
    }

    @Test
    void the_default_limit_is_20_and_the_maximum_100() {
        assertThat(PageRequest.DEFAULT_LIMIT).isEqualTo(20);
        assertThat(PageRequest.MAX_LIMIT).isEqualTo(100);
        assertThat(new PageRequest(1, PageRequest.MAX_LIMIT).limit()).isEqualTo(100);
    }

    @Test
    void a_page_maps_its_items_and_keeps_the_paging() {
        Page<Integer> page = new Page<>(List.of(1, 2, 3), 2, 3, 9);

        Page<String> mapped = page.map(i -> "#" + i);

        assertThat(mapped.items()).containsExactly("#1", "#2", "#3");
        assertThat(mapped.page()).isEqualTo(2);
        assertThat(mapped.limit()).isEqualTo(3);
        assertThat(mapped.total()).isEqualTo(9);
    }
}
