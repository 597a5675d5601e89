package dev.hexcore.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhonesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+79161234567        | +79161234567",
            "8 916 123-45-67     | +79161234567",
            "8 (916) 123-45-67   | +79161234567",
            "7 916 123 45 67     | +79161234567",
            "9161234567          | +79161234567",
            "+7 (916) 123-45-67  | +79161234567",
            "+44 20 7946 0958    | +442079460958",
            "+1.415.555.2671     | +14155552671"})
    void nationalAndInternationalFormsBecomeE164(String raw, String e164) {
        assertThat(Phones.e164("phone", raw)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "12345", "89161234567890", "+0123456789", "+7916abc4567", "916-12", "0161234567",
            "+1234567", "9161234567x", "++79161234567"})
    void anythingElseIsRefused(String raw) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> Phones.e164("phone", raw))
                .satisfies(e -> assertThat(e.errors().get(0).field()).isEqualTo("phone"));
    }
}
