package io.solidstream.cli;

import io.solidstream.api.config.EnvironmentLookup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process invocation of the command: its exit code and what it wrote. */
record CliRun(int exitCode, String out, String err) {

  /** Runs {@code args} with no terminal and {@code SOLIDSTREAM_HOME} set to {@code home}. */
  static CliRun run(Path home, String... args) {
    return run(home, false, args);
  }

  /** Runs {@code args}; {@code terminal} says whether the output counts as a terminal. */
  static CliRun run(Path home, boolean terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    EnvironmentLookup env = EnvironmentLookup.of(Map.of("SOLIDSTREAM_HOME", home.toString()));
    int code = Main.execute(new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env, terminal), args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
