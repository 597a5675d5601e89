package dev.hexcore.domain.generation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LookalikeLettersTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "сaлем|салем",                          // Latin a inside a Cyrillic word
            "Cәлем|Сәлем",                          // Latin capital C
            "мeн бiлемiн|мен білемін",              // several words, Kazakh і
            "hello сәлем|hello сәлем",              // Latin words stay Latin
            "{\"text\":\"пpивет\"}|{\"text\":\"привет\"}", // JSON keys stay, values are mended
            "abc123|abc123"})
    void latin_lookalikes_inside_cyrillic_words_become_cyrillic(String in, String out) {
        assertThat(LookalikeLetters.toCyrillic().normalise(in)).isEqualTo(out);
    }
}
