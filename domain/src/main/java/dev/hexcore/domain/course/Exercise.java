package dev.hexcore.domain.course;

import java.util.List;

/** One exercise of a lesson (step two): its kind, the question, the options offered (may be empty) and the answer. */
public record Exercise(String type, String question, List<String> options, String answer) {
    public Exercise {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
