package dev.hexcore.domain.course;

import dev.hexcore.domain.generation.ResultQuality;
import java.util.List;
import java.util.Map;

/**
 * A generated lesson ready to store: the core, the exercises (the answer's JSON,
 * {@code {"exercises": [...]}}, empty when they could not be made), the
 * quality and what the gateway reported, and for the record the raw answers and the input context.
 */
public record LessonDraft(LessonCore core, String exercisesJson, ResultQuality quality, int repairCount,
                          List<String> validationErrors, String provider, String model, String promptVersion,
                          Map<String, String> inputContext, String rawCoreJson, String rawExercisesJson) {
    public LessonDraft {
        validationErrors = List.copyOf(validationErrors);
        inputContext = Map.copyOf(inputContext);
    }
}
