package dev.hexcore.application.course;

import dev.hexcore.domain.generation.ModelRef;
import java.time.Duration;
import java.util.List;

/**
 * {@code hexcore.courses.*}: the model chains of the course outline and of lessons, the budget of one generation, the
 * most XP one attempt may report, how long a caller waits for a lesson another caller is generating, and when such a
 * claim counts as abandoned.
 */
public record CourseSettings(List<ModelRef> courseChain, List<ModelRef> lessonChain, Duration budget, int maxXpPerAttempt,
                             Duration claimWait, Duration claimPoll, Duration staleClaim, int maxTopics) {
    public CourseSettings {
        courseChain = List.copyOf(courseChain);
        lessonChain = List.copyOf(lessonChain);
    }
}
