package dev.hexcore.domain.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelKeyConfigTest {
    @Test
    void theSecretIsNeverShown() {
        ModelKeyConfig key = new ModelKeyConfig("g1", "gemini", "my-project", "AIzaSyTOPSECRET", 10, 250, null);
        assertThat(key.toString()).contains("g1", "gemini", "my-project").doesNotContain("TOPSECRET");
        assertThat(key.providerKey().toString()).doesNotContain("TOPSECRET");
        assertThat(key.providerKey().secret()).isEqualTo("AIzaSyTOPSECRET");
    }

    @Test
    void aKeyWithoutProjectIsItsOwnProject() {
        assertThat(new ModelKeyConfig("g1", "gemini", " ", "s", null, null, null).project()).isNull();
        assertThat(new ModelKeyConfig("g1", "gemini", null, "s", null, null, null).quotaProject())
                .isNotEqualTo(new ModelKeyConfig("g2", "gemini", null, "s", null, null, null).quotaProject());
        assertThat(new ModelKeyConfig("g1", "gemini", "p", "s", null, null, null).quotaProject())
                .isEqualTo(new ModelKeyConfig("g2", "gemini", "p", "s", null, null, null).quotaProject());
    }

    @Test
    void limitsMustBePositiveAndNamesPresent() {
        assertThatThrownBy(() -> new ModelKeyConfig("g1", "gemini", null, "s", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelKeyConfig("g1", "gemini", null, "s", null, null, -5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelKeyConfig(" ", "gemini", null, "s", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelKeyConfig("g1", "gemini", null, "", null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
