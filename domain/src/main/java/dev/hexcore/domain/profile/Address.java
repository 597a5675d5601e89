package dev.hexcore.domain.profile;

/** A registration address; {@code region} is the same region that issued the passport. */
public record Address(String region, String city, String street, String house, String apartment, String postcode) {
}
