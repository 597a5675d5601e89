package dev.hexcore.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.application.generation.GenerationModes;
import dev.hexcore.domain.generation.GenerationMode;
import dev.hexcore.domain.generation.ModelRef;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {
    private static ModelSettings settings(Map<String, String> properties) {
        return new ModelSettings(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100)).build());
    }

    @Test
    void a_mode_takes_what_is_configured_and_keeps_its_default_for_the_rest() {
        GenerationModes modes = settings(Map.of("hexcore.ai.modes.strict.repair-rounds", "4",
                "hexcore.ai.modes.fast.attempts", "2")).modes();

        assertThat(modes.attempts(GenerationMode.STRICT)).isEqualTo(3);
        assertThat(modes.repairRounds(GenerationMode.STRICT)).isEqualTo(4);
        assertThat(modes.attempts(GenerationMode.FAST)).isEqualTo(2);
        assertThat(modes.repairRounds(GenerationMode.FAST)).isZero();
        assertThat(modes.repairRounds(GenerationMode.BALANCED)).isEqualTo(1);
    }

    @Test
    void the_image_chain_names_the_image_model_and_falls_back_to_the_default_chain() {
        assertThat(settings(Map.of("hexcore.ai.chains.image", "gemini/gemini-2.5-flash-image, offline/offline"))
                .chain("image")).containsExactly(new ModelRef("gemini", "gemini-2.5-flash-image"),
                new ModelRef("offline", "offline"));
        assertThat(settings(Map.of()).chain("image")).containsExactly(new ModelRef("offline", "offline"));
    }
}
