package dev.hexcore.bootstrap.ops;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seeds the first admin from HEXCORE_BOOTSTRAP_ADMIN_* and otherwise says how to get one, in the form that started
 * this process: {@code ./hexcore admin:create} when the launcher did (it sets {@code hexcore.launcher}), else
 * {@code java -jar}.
 */
@ApplicationScoped
public class StartupTasks {
    private static final Logger LOG = Logger.getLogger(StartupTasks.class);

    private final EnsureAdminUseCase admins;
    private final Optional<String> username;
    private final Optional<String> password;
    private final Optional<String> email;
    private final boolean commandMode;
    private final String command;

    public StartupTasks(EnsureAdminUseCase admins,
                        @ConfigProperty(name = "hexcore.bootstrap-admin.username") Optional<String> username,
                        @ConfigProperty(name = "hexcore.bootstrap-admin.password") Optional<String> password,
                        @ConfigProperty(name = "hexcore.bootstrap-admin.email") Optional<String> email,
                        @ConfigProperty(name = "hexcore.command-mode", defaultValue = "false") boolean commandMode,
                        @ConfigProperty(name = "quarkus.profile", defaultValue = "prod") String profile,
                        @ConfigProperty(name = "hexcore.launcher") Optional<String> launcher) {
        this.admins = admins;
        this.username = username;
        this.password = password;
        this.email = email;
        this.commandMode = commandMode;
        this.command = launcher.orElse("java" + (profile.equals("prod") ? "" : " -Dquarkus.profile=" + profile)
                + " -jar bootstrap/target/quarkus-app/quarkus-run.jar");
    }

    void onStart(@Observes StartupEvent event) {
        if (username.isPresent() && password.isPresent()) {
            var result = admins.ensureAdmin(username.get(), email.orElse(username.get() + "@admin.local"), password.get());
            LOG.infof("Bootstrap admin '%s': %s", result.user().username(), result.outcome().name().toLowerCase());
        } else if (!commandMode && !admins.anyAdminExists()) {
            LOG.warn("""
                    No admin account exists yet. Either
                      - set HEXCORE_BOOTSTRAP_ADMIN_USERNAME and HEXCORE_BOOTSTRAP_ADMIN_PASSWORD and restart, or
                      - run: HEXCORE_ADMIN_PASSWORD=... %1$s admin:create --username admin --email admin@example.com
                    then log in with POST /api/v1/auth/login and create API keys with POST /api/v1/admin/api-keys (or %1$s key:create).""".formatted(
                    command));
        }
    }
}
