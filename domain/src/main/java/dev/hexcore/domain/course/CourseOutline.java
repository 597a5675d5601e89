package dev.hexcore.domain.course;

import java.util.List;

/**
 * What a model writes for a course (seed 002 §20.1): a theme, sections in order, each with units in order. The levels
 * are not the model's: every unit gets {@link LevelType#standard()}.
 */
public record CourseOutline(String theme, List<Section> sections) {
    public CourseOutline {
        sections = List.copyOf(sections);
    }

    public record Section(String title, String description, List<Unit> units) {
        public Section {
            units = List.copyOf(units);
        }
    }

    public record Unit(String topic, String description, String icon) {
    }

    /** How many levels this outline makes: three per unit. */
    public int levelCount() {
        return sections.stream().mapToInt(s -> s.units().size()).sum() * LevelType.standard().size();
    }
}
