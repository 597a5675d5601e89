package dev.hexcore.adapters.documents.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hexcore.domain.profile.ExportFormat;
import dev.hexcore.domain.profile.Profile;
import dev.hexcore.domain.profile.ProfileDocumentWriter.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonProfileWriterTest {
    private final JsonProfileWriter writer = new JsonProfileWriter();
    private final ObjectMapper plain = new ObjectMapper();

    @Test
    void isTheJsonFormat() {
        assertThat(writer.format()).isEqualTo(ExportFormat.JSON);
    }

    @Test
    void writesEachProfileInTheApiShapeWithSnakeCaseNames() throws IOException {
        JsonNode array = plain.readTree(export(ProfileFixtures.ivanovRu()));

        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(1);
        JsonNode profile = array.get(0);
        assertThat(names(profile)).containsExactly("id", "source_key", "created_at", "expires_at", "payload");
        assertThat(profile.get("id").textValue()).isEqualTo("0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8091");
        assertThat(profile.get("source_key").textValue()).isEqualTo("key-1");
        assertThat(profile.get("created_at").textValue()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(profile.get("expires_at").textValue()).isEqualTo("2026-12-22T10:00:00Z");

        JsonNode payload = profile.get("payload");
        assertThat(names(payload)).containsExactly("locale", "full_name", "last_name", "first_name", "middle_name",
                "gender", "birth_date", "birth_place", "passport", "inn", "snils", "address", "phone", "email",
                "finance");
        assertThat(payload.get("locale").textValue()).isEqualTo("ru");
        assertThat(payload.get("full_name").textValue()).isEqualTo("Иванов Сергей Петрович");
        assertThat(payload.get("middle_name").textValue()).isEqualTo("Петрович");
        assertThat(payload.get("gender").textValue()).isEqualTo("male");
        assertThat(payload.get("birth_date").textValue()).isEqualTo("1985-03-14");
        assertThat(payload.get("inn").textValue()).isEqualTo("770412345664");
        assertThat(payload.get("snils").textValue()).isEqualTo("112-233-445 95");

        JsonNode passport = payload.get("passport");
        assertThat(names(passport)).containsExactly("series", "number", "issued_by", "issue_date", "division_code");
        assertThat(passport.get("series").textValue()).isEqualTo("4510");
        assertThat(passport.get("number").textValue()).isEqualTo("123456");
        assertThat(passport.get("issued_by").textValue()).isEqualTo(ProfileFixtures.LONG_ISSUER);
        assertThat(passport.get("issue_date").textValue()).isEqualTo("2010-04-02");
        assertThat(passport.get("division_code").textValue()).isEqualTo("770-045");

        JsonNode address = payload.get("address");
        assertThat(names(address)).containsExactly("region", "city", "street", "house", "apartment", "postcode");
        assertThat(address.get("city").textValue()).isEqualTo("Москва");
        assertThat(address.get("apartment").textValue()).isEqualTo("42");

        JsonNode finance = payload.get("finance");
        assertThat(names(finance)).containsExactly("bank", "bik", "correspondent_account", "account_number",
                "card_number", "card_expiry", "card_holder", "monthly_income", "monthly_expenses", "employer",
                "employer_inn", "employer_ogrn", "position", "work_experience_months");
        assertThat(finance.get("bank").textValue()).isEqualTo("ПАО Сбербанк");
        assertThat(finance.get("card_number").textValue()).isEqualTo("2200123456789019");
        assertThat(finance.get("employer").textValue()).isEqualTo("ООО «Ромашка»");
        assertThat(finance.get("work_experience_months").isInt()).isTrue();
        assertThat(finance.get("work_experience_months").intValue()).isEqualTo(63);
    }

    @Test
    void writesMoneyAsAStringWithTwoDecimals() throws IOException {
        JsonNode finance = plain.readTree(export(ProfileFixtures.ivanovRu())).get(0).get("payload").get("finance");

        JsonNode income = finance.get("monthly_income");
        assertThat(names(income)).containsExactly("value", "currency");
        assertThat(income.get("value").isTextual()).isTrue();
        assertThat(income.get("value").textValue()).isEqualTo("85000.00");
        assertThat(income.get("currency").textValue()).isEqualTo("RUB");
        assertThat(finance.get("monthly_expenses").get("value").textValue()).isEqualTo("42350.50");
    }

    @Test
    void writesMissingValuesAsExplicitNulls() throws IOException {
        String json = export(ProfileFixtures.smirnovaEn(), ProfileFixtures.kuznetsovaRu());
        JsonNode array = plain.readTree(json);

        assertThat(array).hasSize(2);
        assertThat(array.get(0).has("expires_at")).isTrue();
        assertThat(array.get(0).get("expires_at").isNull()).isTrue();
        assertThat(array.get(1).get("expires_at").isNull()).isTrue();
        assertThat(array.get(1).get("payload").get("address").get("apartment").isNull()).isTrue();
        assertThat(json).contains("\"expires_at\":null");
        assertThat(array.get(0).get("created_at").textValue()).isEqualTo("2026-11-21T08:30:15Z");
        assertThat(array.get(0).get("payload").get("locale").textValue()).isEqualTo("en");
        assertThat(array.get(1).get("payload").get("full_name").textValue()).isEqualTo("Кузнецова Ольга Андреевна");
    }

    @Test
    void anEmptyExportIsAnEmptyArray() throws IOException {
        assertThat(export()).isEqualTo("[]");
    }

    @Test
    void finishesTheFileButLeavesTheStreamOpen() throws IOException {
        CountingSink sink = new CountingSink();
        Session session = writer.open(sink);
        session.write(ProfileFixtures.ivanovRu());
        session.close();
        session.close();

        assertThat(sink.closed).isFalse();
        assertThat(sink.bytes).isPositive();
    }

    @Test
    void streamsTwoHundredThousandProfilesWithoutHoldingThem() throws IOException {
        int count = 200_000;
        Profile profile = ProfileFixtures.ivanovRu();
        long objectBytes = export(profile).getBytes(StandardCharsets.UTF_8).length - 2L;
        CountingSink sink = new CountingSink();

        long bytesBeforeClose;
        try (Session session = writer.open(sink)) {
            for (int i = 0; i < count; i++) session.write(profile);
            bytesBeforeClose = sink.bytes;
        }

        // "[" + count objects + (count - 1) commas + "]": every object went out whole and in order
        assertThat(sink.bytes).isEqualTo(2 + count * objectBytes + (count - 1));
        // the array was streamed while it was written: only the generator's small buffer was still pending
        assertThat(bytesBeforeClose).isGreaterThan(sink.bytes - 64 * 1024);
        assertThat(sink.flushes).isGreaterThanOrEqualTo(count / JsonProfileWriter.FLUSH_EVERY);
    }

    private String export(Profile... profiles) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Session session = writer.open(out)) {
            for (Profile profile : profiles) session.write(profile);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    /** Counts and discards what it is given. */
    private static final class CountingSink extends OutputStream {
        long bytes;
        long flushes;
        boolean closed;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
