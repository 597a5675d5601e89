package dev.hexcore.adapters.rest.payment;

/** Example bodies of the payment routes' OpenAPI annotations (seed 003's own where it has them). */
final class PaymentExamples {
    static final String PACKS = "{\"items\":[{\"id\":\"10\",\"title\":\"Пакет '10 Оживашек'\",\"ozhivashki\":10,"
            + "\"price\":{\"value\":\"100.00\",\"currency\":\"RUB\"}},{\"id\":\"50\",\"title\":\"Пакет '50 Оживашек'\","
            + "\"ozhivashki\":50,\"price\":{\"value\":\"450.00\",\"currency\":\"RUB\"}}]}";
    static final String CREATE = "{\"item_name\":\"Пакет '10 Оживашек'\",\"quantity\":1,\"price\":100.00}";
    static final String CREATED = "{\"payment_url\":\"https://yoomoney.ru/checkout/payments/v2/contract?orderId="
            + "2d9977c5-000f-5000-8000-1a3b41f8f216\",\"payment_id\":\"2d9977c5-000f-5000-8000-1a3b41f8f216\"}";
    static final String NOTIFICATION = "{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{"
            + "\"id\":\"2d9977c5-000f-5000-8000-1a3b41f8f216\",\"status\":\"succeeded\",\"paid\":true,"
            + "\"amount\":{\"value\":\"100.00\",\"currency\":\"RUB\"},\"metadata\":{\"chat_id\":\"123456789\","
            + "\"pack\":\"10\",\"quantity\":\"1\"}}}";
    static final String HANDLED = "{\"outcome\":\"credited\"}";
    static final String KEY_REUSED = "{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
            + "\"detail\":\"This Idempotency-Key was used for another purchase; send a new key\","
            + "\"instance\":\"/api/v1/bot/users/123456789/create_payment\",\"code\":\"IDEMPOTENCY_KEY_REUSED\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String REJECTED = "{\"type\":\"/problems/bad-gateway\",\"title\":\"Upstream answered badly\","
            + "\"status\":502,\"detail\":\"The payment provider refused the payment (invalid_request)\","
            + "\"instance\":\"/api/v1/bot/users/123456789/create_payment\",\"code\":\"PAYMENT_PROVIDER_REJECTED\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\",\"provider_code\":\"invalid_request\"}";
    static final String UNAVAILABLE = "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"The payment provider did not answer; try again later with the same "
            + "Idempotency-Key\",\"instance\":\"/api/v1/bot/users/123456789/create_payment\","
            + "\"code\":\"PAYMENT_PROVIDER_UNAVAILABLE\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String WEBHOOK_UNAVAILABLE = "{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\","
            + "\"status\":503,\"detail\":\"The payment provider did not answer; try again later with the same "
            + "Idempotency-Key\",\"instance\":\"/api/v1/payments/yookassa/webhook\","
            + "\"code\":\"PAYMENT_PROVIDER_UNAVAILABLE\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String NOT_FOUND = "{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,"
            + "\"detail\":\"Bot user 123456789 not found\",\"instance\":\"/api/v1/bot/users/123456789/create_payment\","
            + "\"code\":\"NOT_FOUND\",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";
    static final String SOURCE_REFUSED = "{\"type\":\"/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
            + "\"detail\":\"Notifications are accepted only from the payment provider's addresses\","
            + "\"instance\":\"/api/v1/payments/yookassa/webhook\",\"code\":\"WEBHOOK_SOURCE_REFUSED\","
            + "\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}";

    private PaymentExamples() {
    }
}
