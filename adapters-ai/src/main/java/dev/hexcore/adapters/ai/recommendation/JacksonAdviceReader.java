package dev.hexcore.adapters.ai.recommendation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.domain.recommendation.Advice;
import dev.hexcore.domain.recommendation.AdviceReader;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a model's {@code {summary, tips}} answer with Jackson: text fields only, anything else is not that shape. */
@ApplicationScoped
public class JacksonAdviceReader implements AdviceReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Optional<Advice> read(String json) {
        if (json == null) return Optional.empty();
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.path("summary").isTextual() || !root.path("tips").isArray()) return Optional.empty();
            List<String> tips = new ArrayList<>();
            for (JsonNode tip : root.get("tips")) {
                if (!tip.isTextual()) return Optional.empty();
                tips.add(tip.asText());
            }
            return Optional.of(new Advice(root.get("summary").asText(), tips));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
