package dev.hexcore.adapters.rest.openapi;

/** Example bodies shared by the OpenAPI annotations of several routes (compile-time constants). */
public final class Examples {
    public static final String USER = "{\"id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5e\",\"username\":\"demo\","
            + "\"email\":\"demo@example.com\",\"native_language\":\"Russian\",\"target_language\":\"English\",\"xp\":0,"
            + "\"language_levels\":{},\"interests\":[\"Travel\"],\"roles\":[\"user\"],\"status\":\"active\","
            + "\"telegram_id\":123456789,\"time_zone\":\"Europe/Moscow\",\"created_at\":\"2026-11-22T10:00:00Z\",\"updated_at\":\"2026-11-22T10:00:00Z\"}";
    public static final String USERS_PAGE = "{\"items\":[" + USER + "],\"page\":1,\"limit\":20,\"total\":1}";
    public static final String API_KEY = "{\"id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5f\",\"label\":\"QA\","
            + "\"prefix\":\"hk_live_x4P0aB\",\"scopes\":[\"profiles:read\"],\"status\":\"active\",\"rate_limit_per_min\":100,"
            + "\"last_used_at\":\"2026-11-22T11:00:00Z\",\"created_at\":\"2026-11-22T10:00:00Z\",\"expires_at\":null,"
            + "\"revoked_at\":null}";
    public static final String API_KEYS_PAGE = "{\"items\":[" + API_KEY + "],\"page\":1,\"limit\":20,\"total\":1}";
    public static final String TOKENS = "{\"access_token\":\"eyJ...\",\"refresh_token\":\"Qm9...\",\"token_type\":\"bearer\","
            + "\"expires_in\":900}";
    public static final String PROFILE = "{\"id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d60\",\"source_key\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5f\","
            + "\"created_at\":\"2026-11-22T10:00:00Z\",\"expires_at\":null,\"payload\":{\"locale\":\"ru\","
            + "\"full_name\":\"Иванов Иван Петрович\",\"gender\":\"male\",\"birth_date\":\"1985-03-14\","
            + "\"passport\":{\"series\":\"4510\",\"number\":\"123456\"},\"inn\":\"771234567890\",\"snils\":\"112-233-445 95\","
            + "\"finance\":{\"card_number\":\"2200123456789010\",\"monthly_income\":{\"value\":\"124000.00\",\"currency\":\"RUB\"}}}}";
    public static final String PROFILES_PAGE = "{\"items\":[" + PROFILE + "],\"page\":1,\"limit\":20,\"total\":1}";
    public static final String MODEL_KEY = "{\"key_id\":\"gemini-a\",\"provider\":\"gemini\",\"project\":\"project-1\","
            + "\"enabled\":true,\"disabled_reason\":null,\"cooldown_until\":null,\"models\":[{\"model\":\"gemini-2.5-flash\","
            + "\"requests_this_minute\":3,\"requests_per_minute_left\":7,\"requests_today\":120,"
            + "\"requests_per_day_left\":130,\"tokens_this_minute\":1200,\"tokens_per_minute_left\":null}]}";
    public static final String EXPORT = "{\"export_id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d61\",\"status\":\"succeeded\","
            + "\"format\":\"pdf\",\"profile_id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d60\",\"progress\":100,\"processed\":1,"
            + "\"total\":1,\"error\":null,\"attempts\":1,\"requested_at\":\"2026-11-22T10:00:00Z\","
            + "\"started_at\":\"2026-11-22T10:00:01Z\",\"completed_at\":\"2026-11-22T10:00:02Z\","
            + "\"file_name\":\"profile-0193a6d2.pdf\",\"size_bytes\":48213,"
            + "\"download_url\":\"/api/v1/exports/0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d61/download\"}";

    private Examples() {
    }
}
