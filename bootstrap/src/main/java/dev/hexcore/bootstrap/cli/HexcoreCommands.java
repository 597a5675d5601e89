package dev.hexcore.bootstrap.cli;

import picocli.CommandLine.Command;

/** Operator commands: {@code java -jar quarkus-run.jar <command> ...}. */
@Command(name = "hexcore", mixinStandardHelpOptions = true,
        subcommands = {KeyCreateCli.class, AdminCreateCli.class},
        description = "Run without arguments to serve HTTP; with a command to do one operator task.")
public class HexcoreCommands {
}
