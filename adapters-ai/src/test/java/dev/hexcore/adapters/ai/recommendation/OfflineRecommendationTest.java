package dev.hexcore.adapters.ai.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.adapters.ai.offline.OfflineModelProvider;
import dev.hexcore.adapters.ai.schema.NetworkntJsonSchemaValidator;
import dev.hexcore.application.recommendation.RecommendationService;
import dev.hexcore.domain.generation.ChatMessage;
import dev.hexcore.domain.generation.KeylessModelProvider;
import dev.hexcore.domain.generation.ProviderCall;
import dev.hexcore.domain.recommendation.Advice;
import dev.hexcore.domain.recommendation.AdviceRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** On embedded defaults the offline provider answers the recommendation schema with usable Russian advice. */
class OfflineRecommendationTest {
    private final JacksonAdviceReader reader = new JacksonAdviceReader();

    @Test
    void theOfflineAnswerIsValidRussianAdviceThatPassesTheRules() {
        ProviderCall call = new ProviderCall("offline", KeylessModelProvider.NO_KEY, null,
                List.of(ChatMessage.user("Статистика заказов покупателя: заказов 6, любимые товары: пионы")),
                RecommendationService.SCHEMA, List.of(), 0, null, null, Duration.ofSeconds(5));

        String json = new OfflineModelProvider().call(call).text();

        assertThat(new NetworkntJsonSchemaValidator().validate(RecommendationService.SCHEMA, json)).isEmpty();
        Advice advice = reader.read(json).orElseThrow();
        assertThat(AdviceRules.issues(advice)).isEmpty();
        assertThat(advice.summary()).containsPattern("\\p{IsCyrillic}{4,}");
        assertThat(advice.tips()).allSatisfy(tip -> assertThat(tip).containsPattern("\\p{IsCyrillic}{4,}"));
    }

    @Test
    void anythingButTextSummaryAndTextTipsIsNotAdvice() {
        assertThat(reader.read("{\"summary\":\"Итог\",\"tips\":[\"Один\"]}")).contains(new Advice("Итог", List.of("Один")));
        assertThat(reader.read("{\"summary\":\"Итог\",\"tips\":[1]}")).isEmpty();
        assertThat(reader.read("{\"summary\":null,\"tips\":[]}")).isEmpty();
        assertThat(reader.read("not json")).isEmpty();
        assertThat(reader.read(null)).isEmpty();
    }
}
