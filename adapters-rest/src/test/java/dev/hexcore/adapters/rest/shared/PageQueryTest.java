package dev.hexcore.adapters.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.PageRequest;
import org.junit.jupiter.api.Test;

class PageQueryTest {
    private static PageQuery query(String page, String limit, String skip) {
        PageQuery query = new PageQuery();
        query.page = page;
        query.limit = limit;
        query.skip = skip;
        return query;
    }

    private static void refusedOn(PageQuery query, String field) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(query::toPageRequest)
                .satisfies(e -> assertThat(e.errors()).extracting(InvalidValueException.FieldError::field).containsExactly(field));
    }

    @Test
    void defaultsAndSkipRoundedDownToAPage() {
        assertThat(query(null, null, null).toPageRequest()).isEqualTo(new PageRequest(1, 20));
        assertThat(query(null, "10", "25").toPageRequest()).isEqualTo(new PageRequest(3, 10));
        assertThat(query("2", "10", "500").toPageRequest()).isEqualTo(new PageRequest(2, 10));
    }

    @Test
    void theDeepestPageFitsAnIntOffset() {
        PageRequest deepest = query(String.valueOf(PageRequest.MAX_PAGE), "100", null).toPageRequest();
        assertThat(deepest.offset()).isLessThanOrEqualTo(Integer.MAX_VALUE);
        refusedOn(query(String.valueOf(PageRequest.MAX_PAGE + 1), "1", null), "page");
        refusedOn(query("999999999", "100", null), "page");
        refusedOn(query("0", null, null), "page");
    }

    @Test
    void aSkipBeyondTheDeepestPageIsRefusedOnSkip() {
        assertThat(query(null, "1", String.valueOf(PageRequest.MAX_PAGE - 1)).toPageRequest().page())
                .isEqualTo(PageRequest.MAX_PAGE);
        refusedOn(query(null, "1", String.valueOf(PageRequest.MAX_PAGE)), "skip");
        refusedOn(query(null, "1", "999999999"), "skip");
    }

    @Test
    void theLimitIsOneToAHundred() {
        refusedOn(query(null, "0", null), "limit");
        refusedOn(query(null, "101", null), "limit");
    }
}
