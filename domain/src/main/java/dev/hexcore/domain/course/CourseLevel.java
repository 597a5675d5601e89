package dev.hexcore.domain.course;

import java.util.UUID;

/** One level of an enrolled course with its unit's topic, and the learner's status on it. */
public record CourseLevel(UUID id, LevelType type, String topic, String goal, int position, LevelStatus status, int stars) {
}
