package dev.hexcore.adapters.documents.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.profile.ProfileLocale;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SheetFormatTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            85000     | RUB | RU | 85 000,00 ₽
            85000     | RUB | EN | 85,000.00 ₽
            1234567.5 | RUB | RU | 1 234 567,50 ₽
            999.99    | USD | EN | 999.99 USD
            0         | RUB | RU | 0,00 ₽
            """)
    void money(String value, String currency, ProfileLocale language, String shown) {
        assertThat(SheetFormat.money(new Money(new BigDecimal(value), currency), language)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            0   | RU | 0 мес.
            7   | RU | 7 мес.
            12  | RU | 1 год
            27  | RU | 2 года 3 мес.
            63  | RU | 5 лет 3 мес.
            132 | RU | 11 лет
            252 | RU | 21 год
            0   | EN | 0 months
            13  | EN | 1 year 1 month
            26  | EN | 2 years 2 months
            """)
    void experience(int months, ProfileLocale language, String shown) {
        assertThat(SheetFormat.experience(months, language)).isEqualTo(shown);
    }

    @Test
    void cardNumbersOfDigitsAreGroupedByFour() {
        assertThat(SheetFormat.cardNumber("2200123456789019")).isEqualTo("2200 1234 5678 9019");
        assertThat(SheetFormat.cardNumber("2200-1234")).isEqualTo("2200-1234");
        assertThat(SheetFormat.cardNumber(null)).isEqualTo(SheetFormat.NONE);
    }

    @Test
    void datesAreDayMonthYear() {
        assertThat(SheetFormat.date(LocalDate.of(1985, 3, 14))).isEqualTo("14.03.1985");
        assertThat(SheetFormat.date(Instant.parse("2026-11-21T23:30:00Z"))).isEqualTo("21.11.2026");
        assertThat(SheetFormat.date((LocalDate) null)).isEqualTo(SheetFormat.NONE);
    }

    @Test
    void onlyEnglishLocalesGetEnglishPages() {
        assertThat(SheetFormat.language("en")).isEqualTo(ProfileLocale.EN);
        assertThat(SheetFormat.language("en-GB")).isEqualTo(ProfileLocale.EN);
        assertThat(SheetFormat.language("ru")).isEqualTo(ProfileLocale.RU);
        assertThat(SheetFormat.language(null)).isEqualTo(ProfileLocale.RU);
    }
}
