package io.solidstream.benchmarks;

import java.util.Arrays;
import java.util.Map;

/**
 * The entry point of {@code benchmarks.jar}: {@code java -jar benchmarks.jar <command> [args]}
 * runs a named command; anything else is handed to JMH ({@code org.openjdk.jmh.Main}), so
 * {@code java -jar benchmarks.jar -f 1 -wi 3 -i 5} runs the JMH benchmarks.
 */
public final class BenchMain {

  /** A command of the jar other than JMH. */
  @FunctionalInterface
  interface Command {
    void run(String[] args) throws Exception;
  }

  /** Commands by name; each new one registers here. */
  static final Map<String, Command> COMMANDS = Map.of(
      "windowed-count", args -> {
        int exit = io.solidstream.benchmarks.windowed.WindowedCountCommand.run(args);
        if (exit != 0) {
          System.exit(exit);
        }
      },
      "event-store", args -> {
        int exit = io.solidstream.benchmarks.instance.EventStoreCommand.run(args);
        if (exit != 0) {
          System.exit(exit);
        }
      });

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      Command command = COMMANDS.get(args[0]);
      if (command != null) {
        command.run(Arrays.copyOfRange(args, 1, args.length));
        return;
      }
    }
    org.openjdk.jmh.Main.main(args);
  }
}
