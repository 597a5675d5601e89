package dev.hexcore.adapters.rest.http;

import dev.hexcore.adapters.rest.problem.Problem;
import dev.hexcore.adapters.rest.shared.InputText;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The one place every query parameter of every route goes through before any resource sees it (ADR 0012): the raw
 * query string is decoded strictly, so a resource never receives text that the database or a log cannot hold.
 * A broken percent-escape ({@code %zz}, a lone {@code %}) makes the query unreadable: 400 (over HTTP/1.1 the codec
 * already refuses such a request line, with a bodiless 400, before any route runs). A value that decodes to
 * bytes that are not UTF-8 (a percent-encoded lone surrogate, {@code %ED%A0%80}) or to text that breaks
 * {@link InputText}'s rule (NUL, control characters) is a 422 naming the parameter.
 */
final class QueryText {
    /** Why the query is refused: a 400 (no fields) or a 422 with the parameters at fault. */
    record Refusal(int status, String code, String detail, List<Problem.FieldError> errors) {
    }

    private static final class MalformedEscape extends Exception {
        MalformedEscape() {
            super(null, null, false, false);
        }
    }

    private QueryText() {
    }

    /** Null when every parameter of {@code rawQuery} (as sent, still percent-encoded; may be null) is acceptable. */
    static Refusal check(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            try {
                String name = decode(rawName);
                String nameProblem = name == null ? "must be valid UTF-8 text" : InputText.singleLineProblem(name);
                if (nameProblem != null) {
                    errors.add(new Problem.FieldError(rawName, "parameter name " + nameProblem));
                    continue;
                }
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                String problem = value == null ? "must be valid UTF-8 text" : InputText.problem(value);
                if (problem != null) errors.add(new Problem.FieldError(name, problem));
            } catch (MalformedEscape e) {
                return new Refusal(400, "MALFORMED_QUERY",
                        "The query string has a malformed percent-escape (each % must be followed by two hex digits)", null);
            }
        }
        if (errors.isEmpty()) return null;
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " query parameters are invalid";
        return new Refusal(422, "VALIDATION_FAILED", detail, errors);
    }

    /**
     * application/x-www-form-urlencoded decoding ('+' is a space), or null when the bytes are not UTF-8. Characters
     * that came unencoded stand for the request line's bytes (the HTTP codec reads it as ISO-8859-1).
     */
    private static String decode(String encoded) throws MalformedEscape {
        if (encoded.chars().allMatch(c -> c < 0x80 && c != '%' && c != '+')) return encoded;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length() || !HexFormat.isHexDigit(encoded.charAt(i + 1))
                        || !HexFormat.isHexDigit(encoded.charAt(i + 2))) {
                    throw new MalformedEscape();
                }
                bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c < 0x100) {
                bytes.write(c);
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
