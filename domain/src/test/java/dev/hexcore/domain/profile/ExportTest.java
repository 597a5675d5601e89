package dev.hexcore.domain.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.ConflictException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private static Export in(ExportStatus status) {
        return Export.restore(UUID.randomUUID(), "user:1", ExportFormat.JSON, null, ProfileFilter.all(), NOW, status,
                0, 10, null, 1, NOW, null, status == ExportStatus.SUCCEEDED ? "exports/file.json" : null,
                status == ExportStatus.SUCCEEDED ? 42L : null);
    }

    private static final Consumer<Export> SUCCEED = e -> e.succeed("exports/file.json", 42, NOW);
    private static final Consumer<Export> FAIL = e -> e.fail("broken", NOW);
    private static final Consumer<Export> EXPIRE = Export::expire;

    /** Every (transition, from) pair: the status it leads to, or null when the transition is refused. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                Arguments.of("succeed", SUCCEED, ExportStatus.RUNNING, ExportStatus.SUCCEEDED),
                Arguments.of("succeed", SUCCEED, ExportStatus.PENDING, null),
                Arguments.of("succeed", SUCCEED, ExportStatus.SUCCEEDED, null),
                Arguments.of("succeed", SUCCEED, ExportStatus.FAILED, null),
                Arguments.of("succeed", SUCCEED, ExportStatus.EXPIRED, null),
                Arguments.of("fail", FAIL, ExportStatus.RUNNING, ExportStatus.FAILED),
                Arguments.of("fail", FAIL, ExportStatus.PENDING, ExportStatus.FAILED),
                Arguments.of("fail", FAIL, ExportStatus.SUCCEEDED, null),
                Arguments.of("fail", FAIL, ExportStatus.FAILED, null),
                Arguments.of("fail", FAIL, ExportStatus.EXPIRED, null),
                Arguments.of("expire", EXPIRE, ExportStatus.SUCCEEDED, ExportStatus.EXPIRED),
                Arguments.of("expire", EXPIRE, ExportStatus.PENDING, null),
                Arguments.of("expire", EXPIRE, ExportStatus.RUNNING, null),
                Arguments.of("expire", EXPIRE, ExportStatus.FAILED, null),
                Arguments.of("expire", EXPIRE, ExportStatus.EXPIRED, null));
    }

    @ParameterizedTest(name = "{0} from {2}")
    @MethodSource("transitions")
    void each_transition_is_allowed_only_from_its_states(String name, Consumer<Export> transition, ExportStatus from,
                                                           ExportStatus to) {
        Export export = in(from);
        if (to != null) {
            transition.accept(export);
            assertThat(export.status()).isEqualTo(to);
        } else {
            assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> transition.accept(export))
                    .satisfies(e -> assertThat(e.code()).isEqualTo(Export.TRANSITION_NOT_ALLOWED));
            assertThat(export.status()).as("unchanged").isEqualTo(from);
        }
    }
}
