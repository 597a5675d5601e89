package dev.hexcore.bootstrap.wiring;

import dev.hexcore.domain.payment.CreditPack;
import dev.hexcore.domain.payment.PackCatalogue;
import dev.hexcore.domain.shared.Money;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

/**
 * The packs on sale: {@code hexcore.payments.packs."<id>".title|ozhivashki|price|currency}; the price is a decimal
 * string (never a floating-point number). Listed by price, then id.
 */
@ConfigMapping(prefix = "hexcore.payments.packs")
public interface PackSettings {
    @WithParentName
    Map<String, Pack> all();

    interface Pack {
        String title();

        int ozhivashki();

        String price();

        @WithDefault("RUB")
        String currency();
    }

    default PackCatalogue catalogue() {
        return new PackCatalogue(all().entrySet().stream()
                .map(e -> new CreditPack(e.getKey(), e.getValue().title(), e.getValue().ozhivashki(),
                        new Money(new BigDecimal(e.getValue().price()), e.getValue().currency())))
                .sorted(Comparator.comparing((CreditPack p) -> p.price().value()).thenComparing(CreditPack::id))
                .toList());
    }
}
