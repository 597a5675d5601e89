package dev.hexcore.domain.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelResultTest {
    @Test
    void a_result_is_ok_unless_said_otherwise_and_has_no_validation_errors() {
        ModelResult result = ModelResult.of("gemini", "gemini-2.5-flash").text("Hi").build();

        assertThat(result.quality()).isEqualTo(ResultQuality.OK);
        assertThat(result.validationErrors()).isEmpty();
        assertThat(result.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(result.images()).isEmpty();
    }

    @Test
    void shared_with_another_caller_it_is_a_hit_without_key_usage_or_attempts_of_its_own() {
        ModelResult own = ModelResult.of("gemini", "gemini-2.5-flash").json("{}").keyId("k1")
                .usage(new TokenUsage(1, 2, 3)).attempts(2).repairs(1).quality(ResultQuality.NEEDS_REVIEW)
                .validationErrors(List.of("WORD_MISSING")).latency(Duration.ofMillis(900)).build();

        ModelResult shared = own.sharedWith(Duration.ofMillis(5));

        assertThat(shared.json()).isEqualTo("{}");
        assertThat(shared.quality()).isEqualTo(ResultQuality.NEEDS_REVIEW);
        assertThat(shared.validationErrors()).containsExactly("WORD_MISSING");
        assertThat(shared.cacheHit()).isTrue();
        assertThat(shared.keyId()).isNull();
        assertThat(shared.usage()).isEqualTo(TokenUsage.NONE);
        assertThat(shared.attempts()).isZero();
        assertThat(shared.repairs()).isZero();
        assertThat(shared.latency()).isEqualTo(Duration.ofMillis(5));
    }
}
