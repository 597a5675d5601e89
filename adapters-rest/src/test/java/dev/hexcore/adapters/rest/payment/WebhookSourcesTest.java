package dev.hexcore.adapters.rest.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** YooKassa's published ranges as the default allow list: IPv4 and IPv6 CIDR ranges and single addresses. */
class WebhookSourcesTest {
    private static final String YOOKASSA = "185.71.76.0/27,185.71.77.0/27,77.75.153.0/25,77.75.156.11,77.75.156.35,"
            + "77.75.154.128/25,2a02:5180::/32";

    @Test
    void addressesInsideTheRangesAreAcceptedAndOthersRefused() {
        WebhookSources sources = new WebhookSources(YOOKASSA);
        assertThat(sources.allows("185.71.76.0")).isTrue();
        assertThat(sources.allows("185.71.76.31")).isTrue();
        assertThat(sources.allows("185.71.76.32")).as("just past the /27").isFalse();
        assertThat(sources.allows("77.75.156.11")).isTrue();
        assertThat(sources.allows("77.75.156.12")).as("a single address is a /32").isFalse();
        assertThat(sources.allows("77.75.154.200")).isTrue();
        assertThat(sources.allows("77.75.154.127")).isFalse();
        assertThat(sources.allows("2a02:5180::1")).isTrue();
        assertThat(sources.allows("2a02:5180:ffff:ffff::1")).isTrue();
        assertThat(sources.allows("2a02:5181::1")).isFalse();
        assertThat(sources.allows("127.0.0.1")).isFalse();
        assertThat(sources.allows("::1")).isFalse();
        assertThat(sources.allows("not-an-address")).isFalse();
        assertThat(sources.allows(null)).isFalse();
    }

    @Test
    void anEmptyOrOffListAcceptsEveryone() {
        assertThat(new WebhookSources("").allows("192.0.2.1")).isTrue();
        assertThat(new WebhookSources(" off ").allows("192.0.2.1")).isTrue();
    }

    @Test
    void aListThatIsNotAddressesStopsTheStartInsteadOfAllowingEveryone() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSources("yookassa.ru"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSources("10.0.0.0/33"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSources("10.0.0.0/x"));
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSources("2a02:5180::/129"));
    }
}
