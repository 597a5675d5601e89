package dev.hexcore.bootstrap.cli;

import dev.hexcore.application.identity.EnsureAdminUseCase;
import dev.hexcore.domain.shared.DomainException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Creates an admin (or makes an existing user admin). The password comes from HEXCORE_ADMIN_PASSWORD or standard
 * input, never from the command line, where other users of the machine could read it.
 */
@Command(name = "admin:create", mixinStandardHelpOptions = true, description = "Create an admin user")
public class AdminCreateCli implements Callable<Integer> {
    @Option(names = "--username", required = true)
    String username;

    @Option(names = "--email", description = "Defaults to <username>@admin.local")
    String email;

    private final EnsureAdminUseCase admins;

    public AdminCreateCli(EnsureAdminUseCase admins) {
        this.admins = admins;
    }

    @Override
    public Integer call() throws IOException {
        String password = System.getenv("HEXCORE_ADMIN_PASSWORD");
        if (password == null) {
            System.err.print("Password (8 to 72 characters), then Enter: ");
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        try {
            var result = admins.ensureAdmin(username, email != null ? email : username + "@admin.local", password);
            System.out.println("Admin '" + result.user().username() + "': " + result.outcome().name().toLowerCase());
            return 0;
        } catch (DomainException e) {
            System.err.println("Cannot create the admin: " + e.getMessage());
            return 2;
        }
    }
}
