package dev.hexcore.domain.generation;

import java.util.Locale;

/** Whether a result can be used as is ({@link #OK}) or broke its schema after every repair round ({@link #NEEDS_REVIEW}). */
public enum ResultQuality {
    OK, NEEDS_REVIEW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
