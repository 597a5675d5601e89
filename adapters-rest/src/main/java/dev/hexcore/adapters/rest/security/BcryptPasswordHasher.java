package dev.hexcore.adapters.rest.security;

import dev.hexcore.domain.identity.PasswordHasher;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** bcrypt through Elytron's {@link BcryptUtil}; the cost is configurable and never below 10. */
@ApplicationScoped
public class BcryptPasswordHasher implements PasswordHasher {
    static final int MIN_COST = 10;
    private final int cost;

    public BcryptPasswordHasher(@ConfigProperty(name = "hexcore.security.bcrypt-cost", defaultValue = "12") int cost) {
        if (cost < MIN_COST || cost > 16) throw new IllegalArgumentException("hexcore.security.bcrypt-cost must be 10..16");
        this.cost = cost;
    }

    @Override
    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    @Override
    public boolean matches(String password, String hash) {
        try {
            return BcryptUtil.matches(password, hash);
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
