package dev.hexcore.domain.recommendation;

import dev.hexcore.domain.generation.ContentValidator;
import dev.hexcore.domain.generation.ValidationIssue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a usable answer is, beyond its schema: a non-blank summary and 3..7 tips, none blank, no two the same (ignoring
 * case and spacing). Pure, as the gateway's repair cache needs: the same answer always gives the same issues.
 */
public final class AdviceRules implements ContentValidator {
    public static final int MIN_TIPS = 3;
    public static final int MAX_TIPS = 7;

    private final AdviceReader reader;

    public AdviceRules(AdviceReader reader) {
        this.reader = reader;
    }

    @Override
    public List<ValidationIssue> check(String json) {
        var advice = reader.read(json);
        if (advice.isEmpty()) return List.of(new ValidationIssue("ADVICE_SHAPE", "the answer must be {\"summary\": text, \"tips\": [text]}"));
        return issues(advice.get());
    }

    public static List<ValidationIssue> issues(Advice advice) {
        List<ValidationIssue> issues = new ArrayList<>();
        if (advice.summary() == null || advice.summary().isBlank()) {
            issues.add(new ValidationIssue("SUMMARY_EMPTY", "the summary must not be empty"));
        }
        int count = advice.tips().size();
        if (count < MIN_TIPS || count > MAX_TIPS) {
            issues.add(new ValidationIssue("TIP_COUNT", "give between " + MIN_TIPS + " and " + MAX_TIPS + " tips, not " + count));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < count; i++) {
            String tip = advice.tips().get(i);
            if (tip == null || tip.isBlank()) {
                issues.add(new ValidationIssue("TIP_EMPTY", "tip " + (i + 1) + " is empty"));
            } else if (!seen.add(tip.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT))) {
                issues.add(new ValidationIssue("TIP_DUPLICATE", "tip " + (i + 1) + " repeats an earlier tip"));
            }
        }
        return issues;
    }
}
