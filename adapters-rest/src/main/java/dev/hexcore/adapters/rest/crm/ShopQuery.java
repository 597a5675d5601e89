package dev.hexcore.adapters.rest.crm;

import dev.hexcore.adapters.rest.shared.PathIds;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code ?shop_id=}, which every CRM route takes: admins and {@code crm} keys name the shop with it; staff may omit it
 * (their own shop), and naming another shop is 404.
 */
public class ShopQuery {
    @RestQuery("shop_id")
    @Parameter(description = "The shop to work in: required for admins and API keys, optional for staff (their own shop)")
    public String shopId;

    /** The named shop, or null; an id that is not a UUID names no shop (404). */
    public UUID shop() {
        return shopId == null || shopId.isBlank() ? null : PathIds.uuid(shopId, "Shop");
    }
}
