package io.solidstream.runtime.flink.pipeline;

import static io.solidstream.runtime.flink.pipeline.Solids.IN;
import static io.solidstream.runtime.flink.pipeline.Solids.OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.Config;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What only a remote cluster has, on a real standalone cluster (JobManager and TaskManager
 * processes): a StreamSolid step submits its program from the task manager to the same REST
 * address, the instance-config provider, and an unreachable address. The behaviour of runs is the
 * pipeline conformance suite's, which {@link RemotePipelineConformanceTest} runs on this cluster.
 */
class RemotePipelinesTest {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  private static FlinkPipelineRuntime runtime() {
    return FlinkPipelineRuntime.remote(CLUSTER.restAddress());
  }

  @Test
  void aStreamSolidStepSubmitsItsProgramToTheSameRemoteClusterFromTheTaskManager() {
    RunResult result = runtime().execute(StreamSolidOnFlinkTest.pipeline(false)).orThrow();

    Map<String, Long> expected = StreamSolidOnFlinkTest.DATA.stream().collect(Collectors.groupingBy(
        click -> click.user() + "@" + (click.time() - click.time() % 60_000), Collectors.counting()));
    assertThat(result.output("count_clicks", StreamSolidOnFlinkTest.COUNTS).stream()
        .collect(Collectors.toMap(count -> count.user() + "@" + count.windowStart(),
            StreamSolidOnFlinkTest.UserCount::count)))
        .isEqualTo(expected);
    assertThat(result.output("which_streams", StreamSolidOnFlinkTest.RUNTIME_NAME)).isEqualTo("flink-remote");
  }

  @Test
  void theInstanceConfigProviderRunsPipelinesOnTheClusterNamedByHostAndPort() {
    Config section = Config.of(new RemoteClusterRuntimeProvider().configSchema()
        .validate(Map.of("host", CLUSTER.host(), "port", CLUSTER.restPort())).value());

    try (var runtime = new RemoteClusterRuntimeProvider().create(section)) {
      PipelineBuilder p = PipelineDefinition.builder("configured");
      p.add(Solids.plusOne("next")).wire(IN, p.add(source("first", 41)).output(OUT));
      RunResult result = runtime.execute(p.build()).orThrow();

      assertThat(runtime.name()).isEqualTo("flink-remote");
      assertThat(result.output("next", OUT)).isEqualTo(42);
    }
  }

  @Test
  void anUnreachableClusterFailsTheSubmitWithinSecondsNamingHostAndPort() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = socket.getLocalPort();
    }
    FlinkPipelineRuntime runtime = FlinkPipelineRuntime.remote("127.0.0.1:" + port);
    PipelineBuilder p = PipelineDefinition.builder("unreachable");
    p.add(source("one", 1));
    long start = System.nanoTime();

    assertThatThrownBy(() -> runtime.submit(p.build(), RunRequest.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("not reachable")
        .hasMessageContaining("rest.port");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
  }
}
