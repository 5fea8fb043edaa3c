package io.solidstream.cli;

import io.solidstream.api.config.EnvironmentLookup;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * What a command invocation writes to and reads from: its output and error streams, its
 * environment, and whether its output is a terminal (for the progress bar).
 *
 * @param out results (tables, run ids): what scripts read
 * @param err progress, log lines and error messages
 * @param environment where {@code SOLIDSTREAM_HOME} and {@code {env: ...}} config values come from
 * @param terminal whether the output is an interactive terminal
 */
public record CliContext(PrintWriter out, PrintWriter err, EnvironmentLookup environment, boolean terminal) {

  /** Validates. */
  public CliContext {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Objects.requireNonNull(environment, "environment");
  }
}
