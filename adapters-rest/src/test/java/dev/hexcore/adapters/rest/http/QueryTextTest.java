package dev.hexcore.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.rest.problem.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "page=2&limit=20", "source_key=abc", "q=%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82",
            "q=a+b&&flag", "q=%F0%9F%94%91", "q=line%0Abreak%09tab", "empty=&x"})
    void wellFormedQueriesPass(String query) {
        assertThat(QueryText.check(query)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"source_key=%zz", "limit=1%2", "a=%", "%g0=1", "x=%%41"})
    void aBrokenEscapeIs400(String query) {
        QueryText.Refusal refusal = QueryText.check(query);
        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(400);
        assertThat(refusal.code()).isEqualTo("MALFORMED_QUERY");
    }

    @ParameterizedTest
    @ValueSource(strings = {"source_key=a%00b", "source_key=%01", "source_key=%ED%A0%80", "source_key=%FF",
            "source_key=%1B%5B31m", "source_key=%C0%80"})
    void badTextIs422OnTheParameter(String query) {
        QueryText.Refusal refusal = QueryText.check("page=1&" + query);
        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(422);
        assertThat(refusal.errors()).extracting(Problem.FieldError::field).containsExactly("source_key");
    }
}
