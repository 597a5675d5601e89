package dev.hexcore.domain.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PriceCalculationTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static Shop shop(String markup, int rounding) {
        return new Shop(UUID.randomUUID(), "Ромашка", null, null, "RUB", new BigDecimal(markup), rounding, NOW);
    }

    @ParameterizedTest(name = "cost {0}, markup {1}%, rounding {2} -> {3}")
    @CsvSource({
            "100.00,   0,     1,  100.00",
            "100.40,   0,     1,  100.00",
            "100.50,   0,     1,  101.00",   // halves go up
            "385.00, 150,    50,  950.00",   // 962.50 -> nearest 50
            "390.00, 150,    50, 1000.00",   // 975.00 is a half: up
            "389.99, 150,    50,  950.00",   // 974.975 -> 950
            "123.45,  30,    10,  160.00",   // 160.485 -> 160
            "126.93,  30,    10,  170.00",   // 165.009 -> 170
            "0.00,   100,    50,    0.00",
            "33.33,   33.33, 1,   44.00"})   // 44.4389... -> 44
    void thePriceIsCostPlusMarkupRoundedByTheShopsRule(String cost, String markup, int rounding, String price) {
        assertThat(shop(markup, rounding).priceFor(new BigDecimal(cost))).isEqualTo(new Money(new BigDecimal(price), "RUB"));
    }

    @Test
    void theBreakdownListsEveryComponentAtItsUnitCost() {
        Shop shop = shop("150", 50);
        var rose = item(shop, "Роза", "55.00");
        var ribbon = item(shop, "Лента", "12.50");
        var calc = PriceCalculation.of(shop, List.of(new ProductComponent(rose.id(), new BigDecimal("7")),
                new ProductComponent(ribbon.id(), new BigDecimal("0.5"))), Map.of(rose.id(), rose, ribbon.id(), ribbon));
        assertThat(calc.lines()).extracting(l -> l.cost().value()).containsExactly(new BigDecimal("385.00"), new BigDecimal("6.25"));
        assertThat(calc.cost()).isEqualTo(new Money(new BigDecimal("391.25"), "RUB"));
        assertThat(calc.price()).isEqualTo(new Money(new BigDecimal("1000.00"), "RUB"));   // 978.125 -> nearest 50
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 5, 20, 100})
    void onlyTheThreeRoundingRulesExist(int rounding) {
        assertThatExceptionOfType(InvalidValueException.class).isThrownBy(() -> shop("10", rounding));
    }

    private static WarehouseItem item(Shop shop, String name, String cost) {
        return new WarehouseItem(UUID.randomUUID(), shop.id(), name, "шт", BigDecimal.TEN, BigDecimal.ZERO,
                new Money(new BigDecimal(cost), "RUB"), BigDecimal.ZERO, NOW, NOW);
    }
}
