package io.solidstream.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code solidstream submit JAR --cluster HOST:PORT}: uploads an application jar to a Flink cluster
 * and runs its main class there, as {@code flink run} does, through the cluster's REST API.
 *
 * <p>By default the command returns once the cluster accepted the job (detached, as {@code flink run
 * -d}): exit 0 means submitted, not finished. With {@code --wait} it polls the job's state until the
 * job ends: exit 0 when it finished, 1 when it failed (with the cluster's root cause) or was
 * canceled. Stopping the command (Ctrl-C) stops the waiting, not the job.
 */
@Command(name = "submit", sortOptions = false,
    description = {"Uploads an application jar to a Flink cluster (REST /jars/upload) and runs it (/jars/:id/run).",
        "Prints the jar id and the job id; the job goes on after the command returns,"
            + " unless --wait waits for it to end.",
        "Arguments after -- go to the application's main method."})
final class SubmitCommand extends CliCommand {
  /** How often {@code --wait} asks the cluster for the job's state. */
  static final Duration POLL = Duration.ofMillis(250);


  @Parameters(index = "0", paramLabel = "JAR", description = "The application jar (a fat jar, or the minimal jar"
      + " when the dependencies jar is in the cluster's lib/).")
  Path jar;

  @Option(names = "--cluster", required = true, paramLabel = "HOST:PORT",
      description = "The REST endpoint of the Flink cluster (rest.address:rest.port), e.g. 127.0.0.1:8081.")
  String cluster;

  @Option(names = "--class", paramLabel = "MAIN", description = "The main class (default: the jar manifest's Main-Class).")
  String entryClass;

  @Option(names = {"-p", "--parallelism"}, paramLabel = "N", description = "The job's default parallelism.")
  Integer parallelism;

  @Option(names = "--wait", description = "Wait until the job ends: exit 0 when it finished, 1 when it failed"
      + " (with the cluster's root cause) or was canceled. Without it the command returns once the job is submitted.")
  boolean await;

  @Option(names = {"-v", "--verbose"}, description = "Print stack traces with errors.")
  boolean verbose;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments of the main method.")
  List<String> args = new ArrayList<>();

  SubmitCommand(CliContext context) {
    super(context);
  }

  @Override
  boolean verbose() {
    return verbose;
  }

  @Override
  public Integer call() {
    if (!Files.isRegularFile(jar)) {
      throw new CliException(ExitCode.USAGE, "Application jar not found: " + jar.toAbsolutePath()
          + "; build it first (mvn package) and pass its path");
    }
    if (parallelism != null && parallelism < 1) {
      throw new CliException(ExitCode.USAGE, "Invalid --parallelism " + parallelism + ": must be at least 1");
    }
    FlinkRest rest = FlinkRest.parse(cluster, "--cluster");
    String version = rest.probe();
    context.err().println("Uploading " + jar.getFileName() + " to the Flink " + version + " cluster at " + rest.address());
    context.err().flush();
    String jarId = rest.upload(jar);
    String jobId = rest.run(jarId, entryClass, args, parallelism);
    context.out().println("Jar " + jarId);
    context.out().println("Job " + jobId + " submitted to " + rest.address()
        + " (web UI: http://" + rest.address() + ")");
    context.out().flush();
    return await ? awaitEnd(rest, jobId) : ExitCode.OK;
  }

  /** Polls the job's state, printing each change on the error stream, until it ends. */
  private int awaitEnd(FlinkRest rest, String jobId) {
    String state = "";
    while (true) {
      String now = rest.jobState(jobId);
      if (!now.equals(state)) {
        state = now;
        context.err().println("Job " + jobId + ": " + state);
        context.err().flush();
      }
      if (FlinkRest.isGloballyTerminal(state)) {
        break;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException(ExitCode.UNAVAILABLE, "Interrupted while waiting for job " + jobId
            + "; it goes on on the cluster at " + rest.address(), e);
      }
    }
    if (state.equals("FINISHED")) {
      context.out().println("Job " + jobId + " FINISHED");
      context.out().flush();
      return ExitCode.OK;
    }
    String reason = state.equals("FAILED") ? ": " + rest.failureCause(jobId) : "";
    throw new CliException(ExitCode.RUN_FAILED, "Job " + jobId + " on the Flink cluster at " + rest.address()
        + " ended " + state + reason);
  }
}
