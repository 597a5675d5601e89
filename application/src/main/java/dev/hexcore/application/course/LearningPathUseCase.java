package dev.hexcore.application.course;

import dev.hexcore.domain.identity.Actor;
import java.util.List;
import java.util.UUID;

/** Seed 002 §18.3: a course and several lessons in one call, and lessons generated again; partial success allowed. */
public interface LearningPathUseCase {
    record GenerateFullCommand(List<String> interests, String level, Integer maxTopics, Integer sleepSeconds,
                               boolean regeneratePath, boolean forceRegenerateLessons, String generationMode) {
    }

    record RetryLessonsCommand(List<UUID> levelTemplateIds, String level, Integer sleepSeconds, String mode,
                               String generationMode) {
    }

    /** A lesson that could not be made: its level, topic and the problem code. */
    record FailedTopic(UUID levelTemplateId, String topic, String error) {
    }

    /**
     * The course view and the lessons made (JSON text in the API's shape), what failed, and when a quota failure
     * may be retried (seconds, null when none was about quota).
     */
    record PathResult(String course, List<String> lessons, List<FailedTopic> failedTopics, Long retryAfterSeconds) {
    }

    PathResult generateFull(Actor actor, GenerateFullCommand command);

    PathResult retryLessons(Actor actor, RetryLessonsCommand command);
}
