package io.solidstream.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.instance.Instance;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
