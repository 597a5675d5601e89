package dev.hexcore.domain.generation;

import java.util.Locale;

/**
 * Whether a result can be used as is ({@link #OK}) or still broke its schema or a content validator after every repair
 * round ({@link #NEEDS_REVIEW}: the result names the validation error codes).
 */
public enum ResultQuality {
    OK, NEEDS_REVIEW;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
