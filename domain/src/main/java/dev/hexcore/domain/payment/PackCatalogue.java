package dev.hexcore.domain.payment;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The packs on sale, in the configured order; ids and titles are unique. */
public record PackCatalogue(List<CreditPack> packs) {
    public PackCatalogue {
        packs = List.copyOf(packs);
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (CreditPack pack : packs) {
            if (!ids.add(pack.id())) throw new IllegalArgumentException("pack id " + pack.id() + " is used twice");
            if (!titles.add(pack.title())) throw new IllegalArgumentException("pack title " + pack.title() + " is used twice");
        }
    }

    /** The pack whose title (what the bot sends as {@code item_name}) or id is {@code name}. */
    public Optional<CreditPack> find(String name) {
        if (name == null) return Optional.empty();
        String wanted = name.strip();
        return packs.stream().filter(p -> p.title().equals(wanted)).findFirst()
                .or(() -> packs.stream().filter(p -> p.id().equals(wanted)).findFirst());
    }

    public Optional<CreditPack> byId(String id) {
        return packs.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
