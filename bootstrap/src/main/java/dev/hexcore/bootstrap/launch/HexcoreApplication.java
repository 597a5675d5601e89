package dev.hexcore.bootstrap.launch;

import dev.hexcore.bootstrap.cli.HexcoreCommands;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** Serves HTTP until stopped, or runs one operator command and exits with its status. */
public class HexcoreApplication implements QuarkusApplication {
    private final CommandLine.IFactory factory;

    @Inject
    public HexcoreApplication(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return new CommandLine(HexcoreCommands.class, factory).execute(args);
    }
}
