package dev.hexcore.application.generation;

import java.util.List;

/** The user messages that send a broken structured answer back to the model. */
final class RepairPrompts {
    private static final int MAX_PROBLEMS = 20;

    private RepairPrompts() {
    }

    /** After an answer that parsed but broke the schema (the answer itself goes before, as the assistant's turn). */
    static String invalid(List<String> problems) {
        StringBuilder text = new StringBuilder("Your previous answer does not match the JSON Schema. Problems:\n");
        problems.stream().limit(MAX_PROBLEMS).forEach(p -> text.append("- ").append(p).append('\n'));
        if (problems.size() > MAX_PROBLEMS) text.append("- and ").append(problems.size() - MAX_PROBLEMS).append(" more\n");
        return text.append("Answer again with only the corrected JSON, valid against the schema.").toString();
    }

    /** After an answer the provider could not read as JSON at all. */
    static String unreadable(String reason) {
        return "Your previous answer could not be read as JSON" + (reason == null ? "" : " (" + reason + ")")
                + ". Answer again with only JSON, valid against the schema.";
    }
}
