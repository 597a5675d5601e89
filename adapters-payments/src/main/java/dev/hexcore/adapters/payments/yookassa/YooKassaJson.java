package dev.hexcore.adapters.payments.yookassa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.payment.PaymentStatus;
import dev.hexcore.domain.payment.ProviderPayment;
import dev.hexcore.domain.payment.ProviderRefund;
import dev.hexcore.domain.shared.DomainException;
import dev.hexcore.domain.shared.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * YooKassa API v3 bodies: the create-payment request, payment and refund objects, and error objects
 * ({@code {"type":"error","id","code","description","parameter"}}). Amounts are {@code {"value":"100.00",
 * "currency":"RUB"}}, the value a string with two decimals both ways.
 */
final class YooKassaJson {
    /** YooKassa refuses a longer {@code description}. */
    static final int MAX_DESCRIPTION_LENGTH = 128;
    /** The {@link PaymentProviderException#providerCode()} of a 2xx answer this adapter cannot read. */
    static final String UNREADABLE_ANSWER = "unreadable_answer";
    private static final int MAX_ERROR_TEXT = 300;

    private final ObjectMapper mapper;

    YooKassaJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * {@code POST /payments}: the amount, {@code capture: true} (one-step payment), a redirect confirmation back to
     * {@code returnUrl}, the description (cut to {@value #MAX_DESCRIPTION_LENGTH} characters) and the metadata.
     */
    byte[] paymentRequest(NewPayment payment) {
        ObjectNode body = mapper.createObjectNode();
        body.set("amount", amount(payment.amount()));
        body.put("capture", true);
        body.putObject("confirmation").put("type", "redirect").put("return_url", payment.returnUrl());
        body.put("description", description(payment.description()));
        if (!payment.metadata().isEmpty()) {
            ObjectNode metadata = body.putObject("metadata");
            new TreeMap<>(payment.metadata()).forEach(metadata::put);
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a YooKassa request", e);
        }
    }

    /**
     * {@code description} cut to {@value #MAX_DESCRIPTION_LENGTH} UTF-16 characters, ending in "…" when cut and
     * never splitting a surrogate pair. Deterministic, so a retried create sends the same body.
     */
    static String description(String text) {
        if (text.length() <= MAX_DESCRIPTION_LENGTH) return text;
        int end = MAX_DESCRIPTION_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return text.substring(0, end) + "…";
    }

    /** A payment object; {@code what} names the call in failure messages. */
    ProviderPayment payment(String body, String what) {
        JsonNode root = object(body, what);
        try {
            Money amount = money(root, "amount");
            JsonNode refunded = root.path("refunded_amount");
            Money refundedAmount = refunded.isMissingNode() || refunded.isNull()
                    ? new Money(BigDecimal.ZERO, amount.currency()) : money(root, "refunded_amount");
            String status = text(root, "status");
            PaymentStatus paymentStatus;
            try {
                paymentStatus = PaymentStatus.ofCode(status);
            } catch (IllegalArgumentException e) {
                throw new Unreadable("unknown payment status '" + cut(status) + "'");
            }
            return new ProviderPayment(text(root, "id"), paymentStatus, amount, refundedAmount,
                    optionalText(root.path("confirmation"), "confirmation_url"), metadata(root.path("metadata")),
                    instant(root, "created_at"));
        } catch (Unreadable e) {
            throw unreadable(what, e.getMessage());
        }
    }

    /** A refund object. */
    ProviderRefund refund(String body, String what) {
        JsonNode root = object(body, what);
        try {
            return new ProviderRefund(text(root, "id"), text(root, "payment_id"), text(root, "status"),
                    money(root, "amount"));
        } catch (Unreadable e) {
            throw unreadable(what, e.getMessage());
        }
    }

    /**
     * What an error answer says, for a failure message: {@code "400 invalid_request: Idempotence key duplicated
     * (parameter Idempotence-Key)"}, with each of {@code secrets} (should one be echoed) blanked out and the text cut
     * to 300 characters. A body that is not a YooKassa error object gives just the status.
     */
    ErrorInfo error(int status, String body, List<String> secrets) {
        JsonNode root = lenient(body);
        String code = optionalText(root, "code");
        String description = optionalText(root, "description");
        String parameter = optionalText(root, "parameter");
        StringBuilder text = new StringBuilder().append(status);
        if (code != null) text.append(' ').append(code);
        if (description != null) text.append(": ").append(description);
        if (parameter != null) text.append(" (parameter ").append(parameter).append(')');
        String message = text.toString();
        for (String secret : secrets) message = message.replace(secret, "***");
        if (message.length() > MAX_ERROR_TEXT) message = message.substring(0, MAX_ERROR_TEXT) + "...";
        return new ErrorInfo(code, message);
    }

    /** YooKassa's error code (null when the body had none) and a safe one-line description. */
    record ErrorInfo(String code, String text) {
    }

    private ObjectNode amount(Money money) {
        ObjectNode amount = mapper.createObjectNode();
        amount.put("value", money.value().toPlainString());
        amount.put("currency", money.currency());
        return amount;
    }

    private JsonNode object(String body, String what) {
        JsonNode root = lenient(body);
        if (!root.isObject()) throw unreadable(what, "the body is not a JSON object");
        return root;
    }

    private JsonNode lenient(String body) {
        if (body == null || body.isBlank()) return mapper.missingNode();
        try {
            JsonNode node = mapper.readTree(body);
            return node == null ? mapper.missingNode() : node;
        } catch (IOException e) {
            return mapper.missingNode();
        }
    }

    private static Money money(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        String value = text(node, "value");
        try {
            return new Money(new BigDecimal(value), text(node, "currency"));
        } catch (NumberFormatException | DomainException e) {
            throw new Unreadable(field + " is not an amount: '" + cut(value) + "'");
        }
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (node.isObject()) {
            node.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isValueNode() && !value.isNull()) metadata.put(e.getKey(), value.asText());
            });
        }
        return metadata;
    }

    private static Instant instant(JsonNode parent, String field) {
        String value = text(parent, field);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Unreadable(field + " is not an ISO-8601 instant: '" + cut(value) + "'");
        }
    }

    private static String text(JsonNode parent, String field) {
        String value = optionalText(parent, field);
        if (value == null) throw new Unreadable("no " + field);
        return value;
    }

    private static String optionalText(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
    }

    private static String cut(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    private static PaymentProviderException unreadable(String what, String reason) {
        return new PaymentProviderException(PaymentProviderException.Kind.UNAVAILABLE, UNREADABLE_ANSWER,
                "YooKassa answered " + what + " with a body this adapter cannot read: " + reason, null);
    }

    /** A field of an answer is missing or malformed. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
