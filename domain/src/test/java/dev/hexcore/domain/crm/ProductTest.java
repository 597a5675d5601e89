package dev.hexcore.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProductTest {
    private static final String UPLOADED = "/api/v1/uploads/images/q3V9tYgS0m1xQ2w7ZkP4aA.jpg";

    private static Product product(List<String> imageUrls) {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        return new Product(UUID.randomUUID(), UUID.randomUUID(), "Букет", null, new Money(new BigDecimal("100.00"), "RUB"),
                true, List.of(), imageUrls, now, now);
    }

    @Test
    void keepsUploadedAndHttpsImageUrlsInOrder() {
        List<String> urls = List.of("https://cdn.example.com/a.jpg", UPLOADED);
        assertThat(product(urls).imageUrls()).isEqualTo(urls);
        assertThat(product(Collections.nCopies(Product.MAX_IMAGES, UPLOADED)).imageUrls()).hasSize(Product.MAX_IMAGES);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "http://cdn.example.com/a.jpg", "https:///a.jpg", "https://user@cdn.example.com/a.jpg",
            "/api/v1/uploads/images/../secret.jpg", "/api/v1/uploads/images/q3V9tYgS0m1xQ2w7ZkP4aA.gif",
            "javascript:alert(1)", "cdn.example.com/a.jpg"})
    void refusesAnyOtherUrl(String url) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> product(List.of(url)));
    }

    @Test
    void refusesMoreThanTenImagesAndNulls() {
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> product(Collections.nCopies(Product.MAX_IMAGES + 1, UPLOADED)));
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> product(Collections.singletonList(null)));
    }
}
