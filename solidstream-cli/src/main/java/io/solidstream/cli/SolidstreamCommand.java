package io.solidstream.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The top command, {@code solidstream}: its subcommands do the work. */
@Command(name = "solidstream", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Runs Solidstream pipelines and inspects their runs.",
    subcommands = {RunCommand.class, RunsCommand.class, PipelinesCommand.class, SubmitCommand.class, HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success",
        "  1  the run failed or was canceled, or the cluster refused the job",
        "  2  bad invocation: unknown option, pipeline or run id, bad config, missing file",
        "  3  unavailable: unreachable Flink cluster, storage that cannot be opened",
        "  4  unexpected internal error (rerun with --verbose and report it)"})
final class SolidstreamCommand {
}
