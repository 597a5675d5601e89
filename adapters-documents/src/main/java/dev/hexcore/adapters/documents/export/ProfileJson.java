package dev.hexcore.adapters.documents.export;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hexcore.domain.profile.Address;
import dev.hexcore.domain.profile.Finance;
import dev.hexcore.domain.profile.Passport;
import dev.hexcore.domain.profile.PersonProfile;
import dev.hexcore.domain.shared.Money;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;

/**
 * The one JSON shape of a profile, shared by the export file and the REST API's {@code GET /api/v1/profiles/{id}}.
 * An adapter that writes profiles as JSON copies {@link #configure(ObjectMapper)} (or calls it on its own mapper), so
 * every place agrees on:
 * <ul>
 *   <li>property names in {@code snake_case} ({@code full_name}, {@code monthly_income}, {@code source_key});</li>
 *   <li>{@link java.time.Instant} as ISO-8601 UTC text with {@code Z} ({@code "2026-11-22T10:00:00Z"}) and
 *       {@link java.time.LocalDate} as {@code "1985-03-14"}, never numeric timestamps;</li>
 *   <li>{@link BigDecimal} as a JSON string in plain notation, so {@link Money} reads
 *       {@code {"value":"85000.00","currency":"RUB"}} with the two decimals {@code Money} keeps;</li>
 *   <li>null properties written as explicit {@code null} ({@code "expires_at":null}), never left out.</li>
 * </ul>
 * The mapper serialises the domain records directly; in a native image they are reachable only through reflection,
 * hence the registration below.
 */
@RegisterForReflection(targets = {ExportedProfile.class, PersonProfile.class, Passport.class, Address.class,
        Finance.class, Money.class})
public final class ProfileJson {
    private ProfileJson() {
    }

    /** A new mapper with the profile JSON rules. Build it once and share it: an {@link ObjectMapper} is thread-safe. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /** Applies the profile JSON rules to {@code mapper} and returns it. */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.registerModule(new JavaTimeModule());
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                JsonInclude.Include.ALWAYS));
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        return mapper;
    }
}
