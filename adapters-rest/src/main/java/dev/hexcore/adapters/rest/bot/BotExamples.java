package dev.hexcore.adapters.rest.bot;

/** Example bodies of the bot routes' OpenAPI annotations (seed 003's own examples where it has them). */
final class BotExamples {
    static final String REGISTER = "{\"chat_id\":123456789,\"username\":\"newuser\",\"referral_code\":\"ref_987654321\","
            + "\"advertising_source\":\"src_ads_campaign_01\"}";
    static final String USER = "{\"chat_id\":123456789,\"username\":\"newuser\",\"ozhivashki\":1,\"generation_count\":0,"
            + "\"last_generation_time\":null,\"registered_at\":\"2024-03-15T12:00:00Z\",\"referral_code\":\"ref_123456789\","
            + "\"referred_by\":987654321,\"referral_bonus_claimed\":false,\"first_generation_time\":null,"
            + "\"daily_bonus_claimed_today\":false,\"daily_bonus_streak\":0,\"discount_offered\":false,"
            + "\"last_activity_time\":\"2024-03-15T12:00:00Z\",\"advertising_source\":\"src_ads_campaign_01\","
            + "\"yookassa_payments\":{}}";
    static final String LEDGER = "{\"items\":[{\"id\":2,\"amount\":-1,\"reason\":\"generation\","
            + "\"idempotency_key\":\"generation:0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5e\",\"balance_after\":0,"
            + "\"created_at\":\"2024-03-15T12:05:00Z\"},{\"id\":1,\"amount\":1,\"reason\":\"welcome\","
            + "\"idempotency_key\":\"welcome\",\"balance_after\":1,\"created_at\":\"2024-03-15T12:00:00Z\"}],"
            + "\"page\":1,\"limit\":20,\"total\":2}";
    static final String DAILY_BONUS = "{\"ozhivashki_granted\":2,\"user\":{\"chat_id\":123456789,\"username\":\"newuser\","
            + "\"ozhivashki\":3,\"generation_count\":1,\"last_generation_time\":\"2024-03-15T12:05:00Z\","
            + "\"registered_at\":\"2024-03-15T12:00:00Z\",\"referral_code\":\"ref_123456789\",\"referred_by\":987654321,"
            + "\"referral_bonus_claimed\":true,\"first_generation_time\":\"2024-03-15T12:05:00Z\","
            + "\"daily_bonus_claimed_today\":true,\"daily_bonus_streak\":3,\"discount_offered\":false,"
            + "\"last_activity_time\":\"2024-03-17T09:00:00Z\",\"advertising_source\":\"src_ads_campaign_01\","
            + "\"yookassa_payments\":{}}}";
    static final String GENERATED = "{\"main_images\":[\"iVBORw0KGgo...\",\"iVBORw0KGgo...\",\"iVBORw0KGgo...\","
            + "\"iVBORw0KGgo...\"],\"bonus_images\":[\"iVBORw0KGgo...\",\"iVBORw0KGgo...\"],\"ozhivashki_spent\":1,"
            + "\"new_balance\":0}";
    static final String GENERATIONS = "{\"items\":[{\"id\":\"0193a6d2-7c1e-7b7a-9d0e-5f2a1c3b4d5e\",\"status\":\"succeeded\","
            + "\"provider\":\"gemini\",\"model\":\"gemini-2.5-flash-image\",\"latency_ms\":8420,\"main_images\":4,"
            + "\"bonus_images\":2,\"error_code\":null,\"created_at\":\"2024-03-15T12:04:52Z\","
            + "\"completed_at\":\"2024-03-15T12:05:00Z\"}],\"page\":1,\"limit\":20,\"total\":1}";
    static final String INSUFFICIENT = "{\"type\":\"/problems/insufficient-credits\",\"title\":\"Insufficient credits\","
            + "\"status\":402,\"detail\":\"Not enough ozhivashki: 1 needed, 0 left\",\"instance\":\"/api/v1/bot/generate\","
            + "\"code\":\"INSUFFICIENT_CREDITS\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String NOT_FOUND = "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"Bot user 123456789 not found\",\"instance\":\"/api/v1/bot/users/123456789\","
            + "\"code\":\"NOT_FOUND\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String ALREADY_CLAIMED = "{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"Today's daily bonus was already claimed; the next one is available from midnight Europe/Moscow\","
            + "\"instance\":\"/api/v1/bot/users/123456789/daily_bonus\",\"code\":\"DAILY_BONUS_ALREADY_CLAIMED\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String IN_PROGRESS = "{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"A generation with this Idempotency-Key is still running; retry when it has finished\","
            + "\"instance\":\"/api/v1/bot/generate\",\"code\":\"GENERATION_IN_PROGRESS\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String TOO_LARGE = "{\"type\":\"/problems/payload-too-large\",\"title\":\"Payload too large\",\"status\":413,"
            + "\"detail\":\"The image is larger than 10485760 bytes\",\"instance\":\"/api/v1/bot/generate\","
            + "\"code\":\"PAYLOAD_TOO_LARGE\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String UNSUPPORTED = "{\"type\":\"/problems/unsupported-media-type\",\"title\":\"Unsupported media type\","
            + "\"status\":415,\"detail\":\"The image must be a JPEG, PNG or WebP file\",\"instance\":\"/api/v1/bot/generate\","
            + "\"code\":\"UNSUPPORTED_MEDIA_TYPE\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String BAD_GATEWAY = "{\"type\":\"/problems/bad-gateway\",\"title\":\"Upstream answered badly\",\"status\":502,"
            + "\"detail\":\"The model refused the request\",\"instance\":\"/api/v1/bot/generate\",\"code\":\"MODEL_BAD_RESPONSE\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String UNAVAILABLE = "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\",\"status\":503,"
            + "\"detail\":\"No model could answer in time\",\"instance\":\"/api/v1/bot/generate\",\"code\":\"MODEL_UNAVAILABLE\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";

    private BotExamples() {
    }
}
