package dev.hexcore.domain.quota;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where each provider's quota windows start and end. Minute windows are the clock's minutes
 * ({@code [hh:mm:00, hh:mm+1:00)}); day windows run from midnight to midnight in the provider's day zone, so a day is
 * 23 or 25 hours long across a daylight-saving change. Gemini's days end at midnight America/Los_Angeles, every other
 * provider's at midnight UTC unless configured otherwise.
 */
public final class ProviderQuotaClock {
    public static final ZoneId GEMINI_DAY_ZONE = ZoneId.of("America/Los_Angeles");

    /** The length of a "per minute" window as providers count it. */
    public static final Duration MINUTE = Duration.ofSeconds(60);

    private final Map<String, ZoneId> dayZones;
    private final ZoneId defaultZone;
    private final Duration requestsPerMinuteWindow;

    /** @param dayZones day zone per provider name (case-insensitive); providers not named use {@code defaultZone} */
    public ProviderQuotaClock(Map<String, ZoneId> dayZones, ZoneId defaultZone) {
        this(dayZones, defaultZone, MINUTE);
    }

    private ProviderQuotaClock(Map<String, ZoneId> dayZones, ZoneId defaultZone, Duration requestsPerMinuteWindow) {
        this.dayZones = Map.copyOf(dayZones.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue)));
        this.defaultZone = defaultZone;
        this.requestsPerMinuteWindow = requestsPerMinuteWindow;
    }

    /**
     * The same clock with a sliding requests-per-minute window of 60 s plus {@code margin}. A provider counts a request
     * when it arrives, a little after the pool counted it; without a margin, a request admitted exactly 60 s after
     * another can reach the provider while the earlier one, which arrived late, still counts there. The margin costs
     * {@code margin / 60 s} of the throughput (1 s: 1.6 %).
     */
    public ProviderQuotaClock withMinuteMargin(Duration margin) {
        if (margin.isNegative()) throw new IllegalArgumentException("margin must not be negative");
        return new ProviderQuotaClock(dayZones, defaultZone, MINUTE.plus(margin));
    }

    /** How long a request counts against a requests-per-minute quota: 60 s plus the configured margin. */
    public Duration requestsPerMinuteWindow() {
        return requestsPerMinuteWindow;
    }

    /** Gemini on America/Los_Angeles, everything else on UTC. */
    public static ProviderQuotaClock defaults() {
        return new ProviderQuotaClock(Map.of("gemini", GEMINI_DAY_ZONE), ZoneOffset.UTC);
    }

    public ZoneId dayZone(String provider) {
        return dayZones.getOrDefault(provider.toLowerCase(Locale.ROOT), defaultZone);
    }

    /** The start of the minute holding {@code now}. */
    public Instant minuteStart(Instant now) {
        return now.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The start of the next minute: when the minute window holding {@code now} resets. */
    public Instant nextMinuteStart(Instant now) {
        return minuteStart(now).plus(1, ChronoUnit.MINUTES);
    }

    /** Midnight, in the provider's day zone, of the day holding {@code now}. */
    public Instant dayStart(String provider, Instant now) {
        ZoneId zone = dayZone(provider);
        return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** The next midnight in the provider's day zone: when the day window holding {@code now} resets. */
    public Instant nextDayStart(String provider, Instant now) {
        ZoneId zone = dayZone(provider);
        return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
    }
}
