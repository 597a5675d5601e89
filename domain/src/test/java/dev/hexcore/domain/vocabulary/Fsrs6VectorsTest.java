package dev.hexcore.domain.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays review sequences scheduled by the reference implementation ts-fsrs 5.4.2 (npm) and checks that this
 * scheduler computes the same state, learning step, stability, difficulty, scheduled days and due time after every
 * review. The vectors were made by {@code src/test/resources/fsrs/generate-vectors.mjs} (60 sequences of 4 to 12
 * reviews with pseudo-random grades, reviewed on time, late or early; FSRS-6 default weights, retention 0.9,
 * learning steps 1m/10m, relearning step 10m, fuzz off); its header says how to run it again.
 */
class Fsrs6VectorsTest {
    private final ReviewScheduler scheduler = new Fsrs6Scheduler(FsrsParameters.defaults(0.9, false, 0));

    static Stream<JsonNode> sequences() throws IOException {
        try (InputStream in = Fsrs6VectorsTest.class.getResourceAsStream("/fsrs/fsrs6-vectors.json")) {
            List<JsonNode> all = new ArrayList<>();
            new ObjectMapper().readTree(in).get("sequences").forEach(all::add);
            assertThat(all).hasSizeGreaterThanOrEqualTo(50);
            return all.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("sequences")
    void schedulesEveryReviewAsTheReferenceDoes(JsonNode sequence) {
        var card = ReviewCard.fresh(Instant.parse(sequence.get("reviews").get(0).get("reviewed_at").asText()));
        int n = 0;
        for (JsonNode expected : sequence.get("reviews")) {
            var grade = Grade.values()[expected.get("grade").asInt() - 1];
            var result = scheduler.review(card, grade, Instant.parse(expected.get("reviewed_at").asText()));
            card = result.card();
            String at = "review " + n++ + " of " + sequence;
            assertThat(card.state().name()).as(at).isEqualTo(expected.get("state").asText());
            assertThat(card.step()).as(at).isEqualTo(expected.get("step").asInt());
            assertThat(card.stability()).as(at).isCloseTo(expected.get("stability").asDouble(), within(1e-7));
            assertThat(card.difficulty()).as(at).isCloseTo(expected.get("difficulty").asDouble(), within(1e-7));
            assertThat(result.scheduledDays()).as(at).isEqualTo(expected.get("scheduled_days").asInt());
            assertThat(card.due()).as(at).isEqualTo(Instant.parse(expected.get("due").asText()));
        }
    }
}
