package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hexcore.domain.generation.GenerationMode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationModesTest {
    @Test
    void unconfigured_modes_keep_their_defaults_and_configured_ones_take_the_configuration() {
        GenerationModes modes = GenerationModes.configured(Map.of(GenerationMode.STRICT, new GenerationModes.Limits(5, 4)));

        assertThat(modes.attempts(GenerationMode.FAST)).isEqualTo(1);
        assertThat(modes.repairRounds(GenerationMode.FAST)).isZero();
        assertThat(modes.attempts(GenerationMode.BALANCED)).isEqualTo(2);
        assertThat(modes.repairRounds(GenerationMode.BALANCED)).isEqualTo(1);
        assertThat(modes.attempts(GenerationMode.STRICT)).isEqualTo(5);
        assertThat(modes.repairRounds(GenerationMode.STRICT)).isEqualTo(4);
    }

    @Test
    void a_mode_needs_an_attempt_and_no_negative_repairs() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GenerationModes.Limits(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new GenerationModes.Limits(1, -1));
    }
}
