package dev.hexcore.adapters.rest.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProblemResponsesFilterTest {
    @ParameterizedTest
    @CsvSource({
            "GET, /api/v1/profiles, getProfiles",
            "GET, /api/v1/profiles/{id}, getProfilesById",
            "POST, /api/v1/admin/model-keys/{id}/disable, postAdminModelKeysByIdDisable",
            "PUT, /api/v1/users/me/languages, putUsersMeLanguages",
            "POST, /api/v1/bot/users/{chat_id}/create_payment, postBotUsersByChatIdCreatePayment"})
    void anOperationIdFollowsFromMethodAndPath(String method, String path, String id) {
        assertThat(ProblemResponsesFilter.operationId(method, path)).isEqualTo(id);
    }
}
