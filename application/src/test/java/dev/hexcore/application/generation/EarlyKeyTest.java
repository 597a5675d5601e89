package dev.hexcore.application.generation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hexcore.domain.generation.KeyLease;
import dev.hexcore.domain.generation.ModelRef;
import dev.hexcore.domain.generation.PendingLease;
import dev.hexcore.domain.generation.ProviderKey;
import org.junit.jupiter.api.Test;

class EarlyKeyTest {
    private static final ModelRef FLASH = new ModelRef("gemini", "gemini-2.5-flash");
    private static final ModelRef PRO = new ModelRef("gemini", "gemini-2.5-pro");

    /** A pending lease that counts its give-backs. */
    private static final class Pending implements PendingLease {
        int givenBack;

        @Override
        public KeyLease lease() {
            return new KeyLease.Granted(new ProviderKey("k1", "secret"));
        }

        @Override
        public void giveBack() {
            givenBack++;
        }
    }

    @Test
    void the_call_to_the_model_it_was_started_for_takes_it_over_and_nothing_is_given_back() {
        EarlyKey early = EarlyKey.none();
        Pending pending = new Pending();
        early.hold(FLASH, pending);

        assertThat(early.take(PRO)).as("another model does not get it").isNull();
        assertThat(early.take(FLASH)).isSameAs(pending);
        assertThat(early.take(FLASH)).as("only once").isNull();
        early.giveBack();
        assertThat(pending.givenBack).isZero();
    }

    @Test
    void a_key_nobody_took_is_given_back_once() {
        EarlyKey early = EarlyKey.none();
        Pending pending = new Pending();
        early.hold(FLASH, pending);

        early.giveBack();
        early.giveBack();

        assertThat(pending.givenBack).isEqualTo(1);
        assertThat(early.take(FLASH)).isNull();
    }

    @Test
    void holding_another_key_gives_the_first_back() {
        EarlyKey early = EarlyKey.none();
        Pending first = new Pending();
        Pending second = new Pending();
        early.hold(FLASH, first);
        early.hold(PRO, second);

        assertThat(first.givenBack).isEqualTo(1);
        assertThat(early.take(PRO)).isSameAs(second);
    }

    @Test
    void none_holds_nothing() {
        EarlyKey early = EarlyKey.none();
        early.giveBack();
        assertThat(early.take(FLASH)).isNull();
    }
}
