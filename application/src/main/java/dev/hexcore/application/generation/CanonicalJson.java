package dev.hexcore.application.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rewrites JSON text in one canonical form (object keys sorted, no insignificant whitespace), so two schemas that
 * differ only in layout give the same cache key. Text that is not JSON comes back stripped, unchanged otherwise.
 */
final class CanonicalJson {
    private final String text;
    private int pos;

    private CanonicalJson(String text) {
        this.text = text;
    }

    static String of(String json) {
        if (json == null) return "";
        try {
            CanonicalJson parser = new CanonicalJson(json);
            StringBuilder out = new StringBuilder(json.length());
            parser.value(out);
            parser.skipWhitespace();
            if (parser.pos != json.length()) return json.strip();
            return out.toString();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return json.strip();
        }
    }

    private void value(StringBuilder out) {
        skipWhitespace();
        char c = text.charAt(pos);
        switch (c) {
            case '{' -> object(out);
            case '[' -> array(out);
            case '"' -> out.append(quote(string()));
            default -> literal(out);
        }
    }

    private void object(StringBuilder out) {
        pos++;
        Map<String, String> members = new TreeMap<>();
        skipWhitespace();
        if (text.charAt(pos) == '}') {
            pos++;
        } else {
            while (true) {
                skipWhitespace();
                expect('"');
                pos--;
                String key = string();
                skipWhitespace();
                expect(':');
                StringBuilder member = new StringBuilder();
                value(member);
                members.put(key, member.toString());
                skipWhitespace();
                if (text.charAt(pos) == ',') { pos++; continue; }
                expect('}');
                break;
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, String> e : members.entrySet()) {
            if (!first) out.append(',');
            first = false;
            out.append(quote(e.getKey())).append(':').append(e.getValue());
        }
        out.append('}');
    }

    private void array(StringBuilder out) {
        pos++;
        List<String> items = new ArrayList<>();
        skipWhitespace();
        if (text.charAt(pos) == ']') {
            pos++;
        } else {
            while (true) {
                StringBuilder item = new StringBuilder();
                value(item);
                items.add(item.toString());
                skipWhitespace();
                if (text.charAt(pos) == ',') { pos++; continue; }
                expect(']');
                break;
            }
        }
        out.append('[').append(String.join(",", items)).append(']');
    }

    private String string() {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == '"') return s.toString();
            if (c != '\\') { s.append(c); continue; }
            char e = text.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> throw new IllegalArgumentException("bad escape");
            }
        }
    }

    private void literal(StringBuilder out) {
        int start = pos;
        while (pos < text.length() && "{}[],: \t\r\n\"".indexOf(text.charAt(pos)) < 0) pos++;
        String token = text.substring(start, pos);
        if (token.isEmpty()) throw new IllegalArgumentException("unexpected character");
        if (!token.equals("true") && !token.equals("false") && !token.equals("null")) {
            Double.parseDouble(token); // throws NumberFormatException, an IllegalArgumentException
        }
        out.append(token);
    }

    private static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\u%04x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) throw new IllegalArgumentException("expected " + c);
        pos++;
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
}
