package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.instance.Instance;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The command against a real standalone Flink cluster (JobManager and TaskManager processes on 127.0.0.1). */
class RemoteClusterCliTest {

  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = StandaloneFlinkCluster.builder().taskManagers(1).slotsPerTaskManager(4).build();

  @TempDir
  Path home;

  @Test
  void aPipelineRunsOnARemoteClusterNamedByAFlinkUrlAndIsRecorded() throws IOException {
    Path config = Files.writeString(home.resolve("etl.yaml"),
        "solids:\n  write_report:\n    config: {output_dir: '" + home.resolve("reports") + "'}\n");

    CliRun run = CliRun.run(home, "run", "orders_etl", "--runtime", "flink://" + CLUSTER.restAddress(),
        "--config", config.toString());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    Matcher id = Pattern.compile("Run (\\S+) of pipeline 'orders_etl': SUCCESS").matcher(run.out());
    assertThat(id.find()).as(run.toString()).isTrue();
    try (Instance instance = Instance.open(home)) {
      assertThat(instance.run(id.group(1)).orElseThrow().runtime()).isEqualTo("flink-remote");
    }
  }

  @Test
  void submitWithAnUnknownMainClassFailsWithTheClustersReason() throws Exception {
    Path jar = jarOf(CountingJob.class, home.resolve("counting-job.jar"));

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", CLUSTER.restAddress(),
        "--class", "com.example.Missing");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
    assertThat(run.err()).contains("The Flink cluster at " + CLUSTER.restAddress() + " refused /jars/", "com.example.Missing")
        .doesNotContain("\tat ");
  }

  @Test
  void aSubmittedJobRunsToTheEndWhileTheCommandReturnsAtOnce() throws Exception {
    // Given an application jar whose job writes the squares of 1..50 under a directory
    Path jar = jarOf(SquaresJob.class, home.resolve("squares.jar"));
    Path output = home.resolve("squares");

    // When it is submitted without --wait (detached)
    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", CLUSTER.restAddress(),
        "--", output.toString(), "50");

    // Then the command returns with the job id, and that job finishes on the cluster with the right output
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    Matcher job = Pattern.compile("Job ([0-9a-f]{32}) submitted to " + Pattern.quote(CLUSTER.restAddress()))
        .matcher(run.out());
    assertThat(job.find()).as(run.toString()).isTrue();
    FlinkRest rest = FlinkRest.parse(CLUSTER.restAddress(), "cluster");
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    String state = rest.jobState(job.group(1));
    while (!FlinkRest.isGloballyTerminal(state) && Instant.now().isBefore(deadline)) {
      Thread.sleep(200);
      state = rest.jobState(job.group(1));
    }
    assertThat(state).as("state of job %s", job.group(1)).isEqualTo("FINISHED");
    assertThat(linesUnder(output)).containsExactlyInAnyOrderElementsOf(squares(50));
  }

  @Test
  void submitWithWaitExitsZeroOnceTheJobFinished() throws Exception {
    Path jar = jarOf(SquaresJob.class, home.resolve("squares.jar"));
    Path output = home.resolve("squares");

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", CLUSTER.restAddress(), "--wait",
        "--class", SquaresJob.class.getName(), "--", output.toString(), "20");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).containsPattern("Job [0-9a-f]{32} FINISHED");
    assertThat(run.err()).containsPattern("Job [0-9a-f]{32}: FINISHED");
    assertThat(linesUnder(output)).containsExactlyInAnyOrderElementsOf(squares(20));
  }

  @Test
  void submitWithWaitExitsOneWithTheRootCauseWhenTheJobFails() throws Exception {
    Path jar = jarOf(SquaresJob.class, home.resolve("squares.jar"));

    CliRun run = CliRun.run(home, "submit", jar.toString(), "--cluster", CLUSTER.restAddress(), "--wait",
        "--", home.resolve("squares").toString(), "20", "7");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.RUN_FAILED);
    assertThat(run.err()).containsPattern("Error: Job [0-9a-f]{32} on the Flink cluster at "
            + Pattern.quote(CLUSTER.restAddress()) + " ended FAILED: ")
        .contains("IllegalStateException: SquaresJob was asked to fail at 7")
        .doesNotContain("\tat ");
  }

  private static List<String> squares(int count) {
    return LongStream.rangeClosed(1, count).mapToObj(n -> Long.toString(n * n)).toList();
  }

  /** The lines of the finished files under {@code dir} (the file sink's in-progress files start with a dot). */
  private static List<String> linesUnder(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(file));
      }
    }
    return lines;
  }

  /** A jar holding {@code main}'s class file, with it as Main-Class. */
  private static Path jarOf(Class<?> main, Path target) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
    String entry = main.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(file, manifest);
        InputStream classFile = main.getClassLoader().getResourceAsStream(entry)) {
      jar.putNextEntry(new JarEntry(entry));
      classFile.transferTo(jar);
      jar.closeEntry();
    }
    return target;
  }
}
