package dev.hexcore.domain.crm;

import dev.hexcore.domain.shared.InvalidValueException;
import dev.hexcore.domain.shared.Money;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A catalogue product: its selling price, what it is made of (each warehouse item at most once) and up to
 * {@value #MAX_IMAGES} pictures, each a URL this service handed out for an upload or an absolute https URL.
 */
public record Product(UUID id, UUID shopId, String name, String description, Money price, boolean active,
                      List<ProductComponent> components, List<String> imageUrls, Instant createdAt, Instant updatedAt) {
    public static final int MAX_COMPONENTS = 50;
    public static final int MAX_IMAGES = 10;
    private static final int MAX_URL_LENGTH = 2048;
    /** The path {@code GET /api/v1/uploads/images/{name}} serves, with the name form uploads are stored under. */
    private static final Pattern UPLOADED = Pattern.compile("/api/v1/uploads/images/[A-Za-z0-9_-]{22}\\.(png|jpg)");

    public Product {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(shopId, "shopId");
        name = Texts.required("name", name, 200);
        description = Texts.optional("description", description, 4000);
        Objects.requireNonNull(price, "price");
        Quantities.amount("price", price.value());
        components = List.copyOf(components);
        if (components.size() > MAX_COMPONENTS) {
            throw new InvalidValueException("components", "at most " + MAX_COMPONENTS + " components");
        }
        var seen = new HashSet<UUID>();
        for (ProductComponent component : components) {
            if (!seen.add(component.warehouseItemId())) {
                throw new InvalidValueException("components", "each warehouse item may appear once");
            }
        }
        imageUrls = Objects.requireNonNull(imageUrls, "imageUrls").stream().map(Product::imageUrl).toList();
        if (imageUrls.size() > MAX_IMAGES) {
            throw new InvalidValueException("image_urls", "at most " + MAX_IMAGES + " images");
        }
    }

    private static String imageUrl(String url) {
        if (url != null && url.length() <= MAX_URL_LENGTH && (UPLOADED.matcher(url).matches() || isHttps(url))) return url;
        throw new InvalidValueException("image_urls",
                "each must be a URL from POST /api/v1/uploads/images or an absolute https URL");
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = new URI(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
