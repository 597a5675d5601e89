package dev.hexcore.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hexcore.domain.payment.NewPayment;
import dev.hexcore.domain.payment.PaymentProvider;
import dev.hexcore.domain.payment.PaymentProviderException;
import dev.hexcore.domain.shared.Money;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The YooKassa adapter as the application gets it: {@code @Named("yookassa")}, built from the configuration defaults,
 * and usable without a shop id or secret key (the test profile has none): its calls then say what is missing.
 */
@QuarkusTest
class YooKassaProviderWiringTest {
    @Inject
    @Named("yookassa")
    PaymentProvider yooKassa;

    @Test
    void withoutCredentialsTheBeanStartsAndItsCallsFailWithCredentials() {
        var create = catchThrowableOfType(PaymentProviderException.class, () -> yooKassa.create(
                new NewPayment("wiring-test", Money.rub(100), "Пакет", "https://t.me/YourBot", Map.of())));
        var fetch = catchThrowableOfType(PaymentProviderException.class,
                () -> yooKassa.fetch("23d93cac-000f-5000-8000-126628f15141"));

        assertThat(create.kind()).isEqualTo(PaymentProviderException.Kind.CREDENTIALS);
        assertThat(create.code()).isEqualTo("PAYMENT_PROVIDER_CREDENTIALS");
        assertThat(create.getMessage()).contains("YOOKASSA_SHOP_ID");
        assertThat(fetch.kind()).isEqualTo(PaymentProviderException.Kind.CREDENTIALS);
    }
}
