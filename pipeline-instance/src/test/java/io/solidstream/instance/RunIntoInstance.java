package io.solidstream.instance;

import io.solidstream.api.config.RunConfig;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import java.nio.file.Path;

/**
 * A separate process for the multi-process tests: opens the instance in a home directory and runs
 * pipelines into it.
 *
 * <ul>
 *   <li>{@code <home> runs <count> <solids> <logs>}: runs the chatty pipeline {@code count} times
 *       and prints {@code RUN <runId> <events> <status>} per run;
 *   <li>{@code <home> block <runId> <file>}: starts the blocking pipeline with this run id, waiting
 *       for {@code file}, and waits for it (until the test kills the process).
 * </ul>
 *
 * <p>Exits 0 when done, 1 with the stack trace on stderr on any error.
 */
public final class RunIntoInstance {
  private RunIntoInstance() {}

  public static void main(String[] args) {
    try (Instance instance = Instance.open(Path.of(args[0]))) {
      switch (args[1]) {
        case "runs" -> {
          int count = Integer.parseInt(args[2]);
          for (int i = 0; i < count; i++) {
            RunResult result = instance.execute(
                TestPipelines.chatty(Integer.parseInt(args[3]), Integer.parseInt(args[4])),
                RunRequest.builder().tag("process", ProcessHandle.current().pid() + "").build());
            System.out.println("RUN " + result.runId() + " " + result.events().size() + " " + result.status());
          }
        }
        case "block" -> {
          System.out.println("STARTING " + args[2]);
          instance.submit(TestPipelines.blocking(), RunRequest.builder().runId(args[2])
              .runConfig(RunConfig.fromYaml("solids: {wait: {config: {until: '" + args[3] + "'}}}")).build())
              .await();
        }
        default -> throw new IllegalArgumentException("unknown mode " + args[1]);
      }
      System.out.flush();
    } catch (Throwable e) {
      e.printStackTrace();
      System.exit(1);
    }
    System.exit(0);
  }
}
