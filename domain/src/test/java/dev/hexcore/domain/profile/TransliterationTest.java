package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransliterationTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Иванов              | Ivanov
            Щукин               | Shchukin
            Юлия                | Iuliia
            Цой                 | Tsoi
            Хрущёв              | Khrushchev
            Подъячев            | Podieiachev
            Ильич               | Ilich
            Аркадьевна          | Arkadevna
            Жанна               | Zhanna
            Эдуард              | Eduard
            Ярослав             | Iaroslav
            Чехова              | Chekhova
            Быков               | Bykov
            Фёдор               | Fedor
            Йошкар-Ола          | Ioshkar-Ola
            ЩУКИН               | SHCHUKIN
            ул. Ленина, 12/3    | ul. Lenina, 12/3
            ООО «Промторг»      | OOO "Promtorg"
            already Latin 123   | already Latin 123
            """)
    void russian_is_written_as_in_a_foreign_passport(String russian, String latin) {
        assertThat(Transliteration.toLatin(russian)).isEqualTo(latin);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Юлия Щукина  | IULIIA SHCHUKINA
            Пётр Иванов  | PETR IVANOV
            """)
    void card_holders_are_upper_case_latin(String russian, String embossed) {
        assertThat(Transliteration.toUpperLatin(russian)).isEqualTo(embossed);
    }
}
