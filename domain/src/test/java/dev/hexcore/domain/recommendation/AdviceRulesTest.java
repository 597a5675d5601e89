package dev.hexcore.domain.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.generation.ValidationIssue;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The checks of the model's {@code {summary, tips}} beyond the schema, and the scope's cache key. */
class AdviceRulesTest {
    private static List<String> codes(Advice advice) {
        return AdviceRules.issues(advice).stream().map(ValidationIssue::code).toList();
    }

    @Test
    void threeToSevenDistinctTipsAndASummaryPass() {
        assertThat(codes(new Advice("Итог", List.of("Один", "Два", "Три")))).isEmpty();
        assertThat(codes(new Advice("Итог", List.of("1", "2", "3", "4", "5", "6", "7")))).isEmpty();
    }

    @Test
    void tooFewOrTooManyTipsAreOneIssue() {
        assertThat(codes(new Advice("Итог", List.of("Один", "Два")))).containsExactly("TIP_COUNT");
        assertThat(codes(new Advice("Итог", List.of("1", "2", "3", "4", "5", "6", "7", "8")))).containsExactly("TIP_COUNT");
    }

    @Test
    void blankTipsAndRepeatsIgnoringCaseAndSpacingAreNamed() {
        assertThat(codes(new Advice(" ", List.of("Закажите  пионы", "закажите пионы ", "  ")))).containsExactly(
                "SUMMARY_EMPTY", "TIP_DUPLICATE", "TIP_EMPTY");
    }

    @Test
    void anAnswerOfAnotherShapeIsOneIssueAndTheValidatorIsPure() {
        AdviceRules rules = new AdviceRules(json -> json.startsWith("{") ? Optional.of(new Advice("Итог", List.of("a", "a", "b")))
                : Optional.empty());
        assertThat(rules.check("[]")).extracting(ValidationIssue::code).containsExactly("ADVICE_SHAPE");
        assertThat(rules.check("{}")).isEqualTo(rules.check("{}")).extracting(ValidationIssue::code).containsExactly(
                "TIP_DUPLICATE");
    }

    @Test
    void theCacheKeyIsTheSeedsForEveryShopAndNamesTheShopOtherwise() {
        UUID shop = UUID.fromString("0193b0c2-7c1e-7a00-8000-000000000001");
        assertThat(OrderScope.everyShop(42).cacheKey()).isEqualTo("recommendations:user:42");
        assertThat(OrderScope.shop(42, shop).cacheKey()).isEqualTo("recommendations:user:42:shop:" + shop);
    }
}
