package dev.hexcore.adapters.rest.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "Привет", "key \uD83D\uDD11", "tab\tand\nlines\r\n", "del\u007F", "nbsp\u00A0"})
    void acceptableTextPasses(String text) {
        assertThat(InputText.problem(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nul\u0000", "\uD800", "a\uDC00b", "x\uD83D", "bell\u0007", "esc\u001B[31m", "\u000B", "\u000C"})
    void nulLoneSurrogatesAndControlCharactersAreRefused(String text) {
        assertThat(InputText.problem(text)).isNotNull();
        assertThat(InputText.singleLineProblem(text)).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\there", "cr\r", "del\u007F", "c1\u0085"})
    void aSingleLineRefusesEveryControlCharacter(String text) {
        assertThat(InputText.problem(text)).isNull();
        assertThat(InputText.singleLineProblem(text)).contains("single line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Anna", "key \uD83D\uDD11", "O'Brien-Smith"})
    void ordinaryNamesAreOneLine(String text) {
        assertThat(InputText.singleLineProblem(text)).isNull();
    }
}
