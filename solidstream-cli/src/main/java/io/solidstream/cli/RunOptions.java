package io.solidstream.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of a command that starts a run: the run's tags and how its progress shows. */
final class RunOptions {

  @Option(names = {"-t", "--tag"}, paramLabel = "KEY=VALUE", description = "A tag of the run; repeatable.")
  Map<String, String> tags = new LinkedHashMap<>();

  @Option(names = "--progress", paramLabel = "MODE",
      description = "auto (a bar on a terminal, log lines otherwise), bar, plain or none. Default: ${DEFAULT-VALUE}.")
  Progress.Mode progressMode = Progress.Mode.AUTO;

  /**
   * The tags given.
   *
   * @throws CliException {@link ExitCode#USAGE} for a tag with an empty key
   */
  Map<String, String> tags() {
    for (Map.Entry<String, String> tag : tags.entrySet()) {
      if (tag.getKey().isBlank()) {
        throw new CliException(ExitCode.USAGE, "Invalid --tag '=" + tag.getValue() + "': the key is empty; use"
            + " KEY=VALUE, e.g. --tag team=data");
      }
    }
    return tags;
  }

  /** The progress display of a run of {@code steps} steps, as {@code --progress} asks. */
  Progress progress(CliContext context, int steps) {
    return Progress.create(progressMode, context.terminal(), context.err(), steps);
  }
}
