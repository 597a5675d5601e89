package dev.hexcore.adapters.ai.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the waits providers announce: Google's protobuf durations ({@code "26s"}, {@code "45.837906927s"}), Go-style
 * durations in OpenAI/Groq messages ({@code "Please try again in 5.289s"}, {@code "1m26.4s"}, {@code "250ms"}) and
 * {@code retry-after} headers in seconds.
 */
public final class RetryDelays {
    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|h|m|s)");
    private static final Pattern GO_DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+");
    private static final Pattern TRY_AGAIN = Pattern.compile("try again in\\s+((?:\\d+(?:\\.\\d+)?(?:ms|h|m|s))+)",
            Pattern.CASE_INSENSITIVE);

    private RetryDelays() {
    }

    /** A Go-style or protobuf duration, or null if {@code text} is not one. */
    public static Duration parseDuration(String text) {
        if (text == null) return null;
        String trimmed = text.strip();
        if (!GO_DURATION.matcher(trimmed).matches()) return null;
        Matcher part = GO_PART.matcher(trimmed);
        long nanos = 0;
        while (part.find()) {
            BigDecimal amount = new BigDecimal(part.group(1));
            long unitNanos = switch (part.group(2)) {
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                default -> 1_000_000L;
            };
            nanos += amount.multiply(BigDecimal.valueOf(unitNanos)).longValue();
        }
        return Duration.ofNanos(nanos);
    }

    /** The wait in "... Please try again in 5.289s." messages, or null. */
    public static Duration fromMessage(String message) {
        if (message == null) return null;
        Matcher matcher = TRY_AGAIN.matcher(message);
        return matcher.find() ? parseDuration(matcher.group(1)) : null;
    }

    /** A {@code retry-after} header in (possibly fractional) seconds, or null. HTTP dates are ignored. */
    public static Duration fromRetryAfterHeader(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            if (seconds.signum() < 0) return null;
            return Duration.ofNanos(seconds.multiply(BigDecimal.valueOf(1_000_000_000L)).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
