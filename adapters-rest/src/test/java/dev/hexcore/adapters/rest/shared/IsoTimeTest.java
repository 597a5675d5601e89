package dev.hexcore.adapters.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.shared.InvalidValueException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimeTest {
    @ParameterizedTest
    @CsvSource({
            "2026-11-22T10:00:00Z, 2026-11-22T10:00:00Z",
            "2026-11-22T13:00:00+03:00, 2026-11-22T10:00:00Z",
            "2026-11-22, 2026-11-22T00:00:00Z",
            "' 2026-11-22 ', 2026-11-22T00:00:00Z",
            "0001-01-01, 0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z, 9999-12-31T23:59:59Z"})
    void datesAndDateTimesWithAnOffsetAreRead(String text, String expected) {
        assertThat(IsoTime.parseOrNull(text)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-11-22T10:00:00", "2026-02-30", "-999999999-01-01T00:00:00Z",
            "+1000000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "1700000000"})
    void anythingElseOrOutsideYears1To9999IsRefused(String text) {
        assertThat(IsoTime.parseOrNull(text)).isNull();
    }

    @Test
    void blankIsNoBoundAndEveryBadFieldIsCollected() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(IsoTime.parse(null, "from", errors)).isNull();
        assertThat(IsoTime.parse(" ", "from", errors)).isNull();
        assertThat(IsoTime.parse("nope", "from", errors)).isNull();
        assertThat(IsoTime.parse("10000-01-01", "to", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("from", "to");
    }
}
