package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.solidstream.samples.OrdersEtl;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code target/solidstream.jar} in its own JVM ({@code java -jar}), with the samples
 * as the application ({@code --app}) and an SQLite instance in a temporary directory.
 */
class ExecutableJarIT {

  @TempDir
  Path tmp;

  /** The exit code and output of one process. */
  record Process(int exitCode, String out, String err) {}

  private Process solidstream(String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("solidstream.jar", "target/solidstream.jar"));
    assertThat(jar).as("the executable jar; build it with mvn package").isRegularFile();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    command.addAll(List.of(args));
    return run(command);
  }

  /** Runs {@code command} with {@code SOLIDSTREAM_HOME} in {@code tmp}, its outputs going to files. */
  private Process run(List<String> command) throws IOException, InterruptedException {
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("SOLIDSTREAM_HOME", tmp.resolve("home").toString());
    java.lang.Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("solidstream %s finished", command).isTrue();
    return new Process(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String samples() throws URISyntaxException {
    return Path.of(OrdersEtl.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  @Test
  void theJarRunsASamplePipelineRecordsItInSqliteAndListsIt() throws Exception {
    Path config = Files.writeString(tmp.resolve("etl.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + tmp.resolve("reports") + "'}\n");

    Process run = solidstream("run", "orders_etl", "--app", samples(), "--config", config.toString(), "--tag", "via=jar");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("of pipeline 'orders_etl': SUCCESS");
    assertThat(run.err()).as("plain log lines: the output is not a terminal").contains("STEP_SUCCEEDED write_report")
        .doesNotContain("\r");
    assertThat(tmp.resolve("home/storage/solidstream.db")).isRegularFile();

    Process list = solidstream("runs", "list", "--tag", "via=jar");
    assertThat(list.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(list.out()).contains("orders_etl", "SUCCESS", "via=jar");
  }

  @Test
  void onATerminalTheJarShowsAProgressBarInsteadOfLogLines() throws Exception {
    // Given a pseudo-terminal for the command's standard streams, from util-linux's script
    Path script = Path.of("/usr/bin/script");
    assumeTrue(Files.isExecutable(script), "util-linux script(1), which gives the command a terminal");
    Path config = Files.writeString(tmp.resolve("etl.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + tmp.resolve("reports") + "'}\n");
    Path jar = Path.of(System.getProperty("solidstream.jar", "target/solidstream.jar")).toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = String.join(" ", java, "-jar", jar.toString(), "run", "orders_etl", "--app", samples(),
        "--config", config.toString());

    // When the jar runs a pipeline there
    Process run = run(List.of(script.toString(), "-q", "-e", "-c", command, "/dev/null"));

    // Then progress is a bar redrawn in place, with no per-event log line
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).as(run.toString()).contains("\r[", "[" + "#".repeat(30) + "] 4/4 steps",
        "of pipeline 'orders_etl': SUCCESS").doesNotContain("STEP_STARTED");
  }

  @Test
  void withoutTheApplicationThePipelineIsUnknownWithOneLineAndExitCodeTwo() throws Exception {
    Process run = solidstream("run", "orders_etl");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().strip()).startsWith("Error: Unknown pipeline 'orders_etl': no pipelines found on the class path")
        .doesNotContain("\tat ").hasLineCount(1);
  }

  @Test
  void versionAndHelpExitZero() throws Exception {
    Process help = solidstream("--help");

    assertThat(help.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(help.out()).contains("run", "runs", "pipelines", "submit", "Exit codes:");
  }
}
