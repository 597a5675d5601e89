package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.ConflictException;
import java.util.List;
import java.util.stream.Collectors;

/** Confirming an order needs more stock than is free; nothing was reserved. Lists every missing position. */
public class InsufficientStockException extends ConflictException {
    private final List<StockShortage> shortages;

    public InsufficientStockException(List<StockShortage> shortages) {
        super("INSUFFICIENT_STOCK", "Not enough stock to confirm the order: " + shortages.stream()
                .map(s -> s.name() + " needs " + s.needed().stripTrailingZeros().toPlainString() + " " + s.unit()
                        + ", " + s.available().stripTrailingZeros().toPlainString() + " available")
                .collect(Collectors.joining("; ")));
        this.shortages = List.copyOf(shortages);
    }

    public List<StockShortage> shortages() {
        return shortages;
    }
}
