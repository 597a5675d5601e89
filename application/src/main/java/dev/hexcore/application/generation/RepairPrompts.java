package dev.hexcore.application.generation;

import dev.hexcore.domain.generation.ValidationIssue;
import java.util.List;

/** The user messages that send a broken structured answer back to the model. */
final class RepairPrompts {
    private static final int MAX_PROBLEMS = 20;

    private RepairPrompts() {
    }

    /**
     * After an answer that parsed but broke the schema or a validator (the answer itself goes before, as the
     * assistant's turn): each problem with its error code.
     */
    static String invalid(List<ValidationIssue> issues) {
        StringBuilder text = new StringBuilder("Your previous answer does not pass validation. Problems (error code: detail):\n");
        issues.stream().limit(MAX_PROBLEMS)
                .forEach(i -> text.append("- ").append(i.code()).append(": ").append(i.detail()).append('\n'));
        if (issues.size() > MAX_PROBLEMS) text.append("- and ").append(issues.size() - MAX_PROBLEMS).append(" more\n");
        return text.append("Answer again with only the corrected JSON, valid against the schema.").toString();
    }

    /** After an answer the provider could not read as JSON at all. */
    static String unreadable(String reason) {
        return "Your previous answer could not be read as JSON" + (reason == null ? "" : " (" + reason + ")")
                + ". Answer again with only JSON, valid against the schema.";
    }
}
