package dev.hexcore.adapters.payments.yookassa;

import dev.hexcore.domain.payment.PaymentProviderException;
import io.smallrye.faulttolerance.api.Guard;
import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.logging.Logger;

/**
 * Runs one YooKassa request with retries through a SmallRye Fault Tolerance {@link Guard} (programmatic API, so it
 * works in plain JUnit as in Quarkus).
 *
 * <ul>
 *   <li>Retried: 429, every 5xx, a timeout and a network error: YooKassa's "result unknown", so the caller's
 *       request is sent again as is (a create keeps its {@code Idempotence-Key} and its bytes).</li>
 *   <li>Not retried: every other answer, which is handed back for the caller to classify.</li>
 *   <li>Waits: exponential from {@code retryDelay} (×2 per retry, at most {@code maxRetryDelay}) ± {@code retryJitter};
 *       a {@code Retry-After} header (seconds or an HTTP date) lengthens the wait to what YooKassa asked.</li>
 *   <li>Bounds: {@code maxAttempts} attempts, and everything within {@code maxDuration}: each attempt's timeout is cut
 *       to what is left, and a wait that would end beyond it is not made. Then the last failure comes out as
 *       {@link PaymentProviderException.Kind#UNAVAILABLE UNAVAILABLE}, with the Retry-After YooKassa gave if any.</li>
 * </ul>
 */
final class YooKassaRetries {
    private static final Logger LOG = Logger.getLogger(YooKassaRetries.class);
    /** A longer Retry-After is read as a day: it is far beyond any call's budget either way. */
    private static final BigDecimal LONGEST_RETRY_AFTER_SECONDS = BigDecimal.valueOf(86_400);

    private final YooKassaSettings settings;
    private final Clock clock;
    private final Guard guard;

    YooKassaRetries(YooKassaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.guard = Guard.create()
                .withDescription("yookassa")
                .withRetry()
                    .maxRetries(settings.maxAttempts() - 1)
                    // a backstop: run() never waits beyond maxDuration itself
                    .maxDuration(settings.maxDuration().toMillis() + 1_000, ChronoUnit.MILLIS)
                    .whenException(RetryAfterWait.class::isInstance)
                    .withCustomBackoff()
                        .strategy(() -> cause -> ((RetryAfterWait) cause).wait.toMillis())
                        .done()
                    .beforeRetry(cause -> LOG.warnf("YooKassa %s", cause.getMessage()))
                    .done()
                .build();
    }

    /** An answer: status, headers and body. */
    record Response(int status, HttpHeaders headers, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** The request got no answer in time, or the connection failed: worth another attempt. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Sends through {@code attempt} (given the timeout of that attempt) until an answer that is not 429 or 5xx comes
     * back, and returns it.
     *
     * @param operation names the request in logs and messages, e.g. {@code POST /payments}; never a header
     * @param describe  turns a 429/5xx answer into YooKassa's error code and a safe description
     * @throws PaymentProviderException UNAVAILABLE when the attempts or the time ran out
     */
    Response run(String operation, Function<Duration, Response> attempt,
                 Function<Response, YooKassaJson.ErrorInfo> describe) {
        long started = System.nanoTime();
        long deadline = started + settings.maxDuration().toNanos();
        int[] attempts = {0};
        try {
            return guard.get(() -> {
                int number = ++attempts[0];
                Failure failure;
                try {
                    Duration timeout = max(min(settings.requestTimeout(), remaining(deadline)), Duration.ofMillis(1));
                    Response response = attempt.apply(timeout);
                    if (!retryable(response.status())) return response;
                    YooKassaJson.ErrorInfo error = describe.apply(response);
                    failure = new Failure(error.code(), error.text(), retryAfter(response.headers()));
                } catch (NoAnswer noAnswer) {
                    failure = new Failure(null, noAnswer.getMessage(), null);
                }
                Duration wait = failure.retryAfter == null ? backoff(number) : max(backoff(number), failure.retryAfter);
                if (number >= settings.maxAttempts() || wait.compareTo(remaining(deadline)) >= 0) {
                    throw gaveUp(operation, number, started, failure);
                }
                throw new RetryAfterWait(operation + " attempt " + number + " of " + settings.maxAttempts()
                        + " failed (" + failure.text + "); retrying in " + wait.toMillis() + " ms", wait);
            }, Response.class);
        } catch (FaultToleranceException e) {
            // only if SmallRye's own backstop fires, which run()'s own budget keeps from happening
            throw new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, null,
                    "YooKassa " + operation + " gave no usable answer in time", null);
        }
    }

    /** The wait before attempt {@code failed + 1}: exponential, capped, with jitter. */
    Duration backoff(int failed) {
        long base = settings.retryDelay().toMillis();
        long delay = Math.min(settings.maxRetryDelay().toMillis(), base << Math.min(failed - 1, 20));
        long jitter = settings.retryJitter().toMillis();
        if (jitter > 0) delay += ThreadLocalRandom.current().nextLong(-jitter, jitter + 1);
        return Duration.ofMillis(Math.max(0, delay));
    }

    /** A {@code Retry-After} in (possibly fractional) seconds or as an HTTP date; null when absent or unreadable. */
    Duration retryAfter(HttpHeaders headers) {
        String value = headers == null ? null : headers.firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) return null;
        try {
            BigDecimal seconds = new BigDecimal(value.strip());
            if (seconds.signum() < 0) return null;
            return Duration.ofMillis(seconds.min(LONGEST_RETRY_AFTER_SECONDS).movePointRight(3).longValue());
        } catch (NumberFormatException | ArithmeticException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static boolean retryable(int status) {
        return status == 429 || status >= 500;
    }

    private PaymentProviderException gaveUp(String operation, int attempts, long startedNanos, Failure last) {
        long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
        return new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, last.code,
                "YooKassa " + operation + " gave no usable answer after " + attempts + " attempt(s) in " + millis
                        + " ms; last: " + last.text + (last.retryAfter == null ? ""
                        : "; YooKassa asks to retry after " + last.retryAfter.toMillis() + " ms"),
                last.retryAfter);
    }

    private static Duration remaining(long deadlineNanos) {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private record Failure(String code, String text, Duration retryAfter) {
    }

    /** Tells the guard to retry after {@link #wait}. */
    private static final class RetryAfterWait extends RuntimeException {
        private final transient Duration wait;

        RetryAfterWait(String message, Duration wait) {
            super(message, null, false, false);
            this.wait = wait;
        }
    }
}
