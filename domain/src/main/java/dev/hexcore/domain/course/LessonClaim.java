package dev.hexcore.domain.course;

import java.util.UUID;

/**
 * The outcome of claiming the lesson of (enrollment, level): {@code owned} when this caller must generate it,
 * otherwise the lesson exists ({@code ready}) or another caller is generating it.
 */
public record LessonClaim(UUID lessonId, boolean owned, boolean ready) {
}
