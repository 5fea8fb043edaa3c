package io.solidstream.runtime.flink.pipeline;

import static io.solidstream.runtime.flink.pipeline.Solids.ALL;
import static io.solidstream.runtime.flink.pipeline.Solids.FAN_OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.IN;
import static io.solidstream.runtime.flink.pipeline.Solids.ITEMS;
import static io.solidstream.runtime.flink.pipeline.Solids.LIST;
import static io.solidstream.runtime.flink.pipeline.Solids.OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.Config;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.conformance.pipeline.NormalizedEvents;
import io.solidstream.runtime.flink.RemoteTestCluster;
import io.solidstream.runtime.local.LocalRuntime;
import io.solidstream.testkit.flink.StandaloneFlinkCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Solid pipelines on a real standalone cluster (JobManager and TaskManager processes): the run
 * matches the in-process run, user code and its exceptions travel, StreamSolid steps submit their
 * programs to the same cluster from the task manager, cancellation, and the instance-config
 * provider. Each test is one job (~2-3 s of shipping jars), so behaviours share jobs.
 */
class RemotePipelinesTest {
  @RegisterExtension
  static final StandaloneFlinkCluster CLUSTER = RemoteTestCluster.CLUSTER;

  /** A failure whose class only the shipped test jar has. */
  static final class InvoiceRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvoiceRejected(String message) {
      super(message);
    }
  }

  private static FlinkPipelineRuntime runtime() {
    return FlinkPipelineRuntime.remote(CLUSTER.restAddress());
  }

  /**
   * Fan-in of three sources, a dynamic output mapped (one clone failing) and collected, a step
   * that succeeds on its third attempt, and a failing step with a failure hook whose downstream
   * step is skipped.
   */
  static PipelineDefinition invoices() {
    PipelineBuilder p = PipelineDefinition.builder("invoices");
    SolidNode a = p.add(source("a", 1));
    SolidNode b = p.add(source("b", 2));
    SolidNode c = p.add(source("c", 3));
    p.add(SolidDefinition.builder("total").input(ALL)
        .returning(LIST, (ctx, in) -> List.copyOf(in.get(ALL))).build())
        .wireAll(ALL, c.output(OUT), a.output(OUT), b.output(OUT));

    DynamicHandle<Integer> doubled = p.add(FAN_OUT).dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    p.add(Solids.GATHER).wire(ALL, doubled.collect());

    SolidNode flaky = p.add(SolidDefinition.builder("flaky")
        .retryPolicy(RetryPolicy.maxAttempts(3).withDelay(Duration.ofMillis(10)))
        .returning(OUT, (ctx, in) -> {
          if (ctx.attempt() < 3) {
            throw new IllegalStateException("flaky attempt " + ctx.attempt());
          }
          return ctx.attempt();
        }).build());
    SolidNode reject = p.add(SolidDefinition.builder("reject").input(IN).returning(OUT, (ctx, in) -> {
      throw new InvoiceRejected("invoice " + in.get(IN) + " has no customer");
    }).build()).wire(IN, flaky.output(OUT))
        .hook(HookDefinition.onFailure("alert", ctx -> ctx.log().warn("rejected: " + ctx.failure().orElseThrow())));
    p.add(Solids.plusOne("after_reject")).wire(IN, reject.output(OUT));
    return p.build();
  }

  private static RunRequest invoiceRequest(List<RunEvent> seen) {
    return RunRequest.builder()
        .runId("remote-parity")
        .runConfig(RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of("x", "bad", "y"))).build())
        .listener(seen::add)
        .build();
  }

  @Test
  void aPipelineOnTheRemoteClusterMatchesTheInProcessRunEventForEvent() {
    List<RunEvent> localSeen = new CopyOnWriteArrayList<>();
    List<RunEvent> remoteSeen = new CopyOnWriteArrayList<>();
    RunResult local = LocalRuntime.create().execute(invoices(), invoiceRequest(localSeen));

    RunResult remote = runtime().submit(invoices(), invoiceRequest(remoteSeen)).await(Duration.ofSeconds(120))
        .orElseThrow();

    assertThat(remote.status()).isEqualTo(local.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(remote.outputs()).isEqualTo(local.outputs());
    assertThat(remote.output("total", LIST)).containsExactly(3, 1, 2);
    assertThat(remote.output("flaky", OUT)).isEqualTo(3);
    assertThat(remote.steps()).extracting(StepStats::stepKey, StepStats::status, StepStats::attempts)
        .containsExactlyInAnyOrderElementsOf(local.steps().stream()
            .map(s -> Tuple.tuple(s.stepKey(), s.status(), s.attempts())).toList());
    assertThat(remote.failures().keySet()).containsExactlyInAnyOrderElementsOf(local.failures().keySet())
        .contains("reject").anyMatch(step -> step.startsWith("double_each") && step.contains("bad"));
    assertThat(remote.failures().get("reject")).isInstanceOf(UserCodeException.class)
        .hasMessage(local.failures().get("reject").getMessage())
        .hasMessageContaining("reject")
        .cause().isInstanceOf(InvoiceRejected.class).hasMessage("invoice 3 has no customer");
    NormalizedEvents localEvents = NormalizedEvents.of(local.events());
    NormalizedEvents remoteEvents = NormalizedEvents.of(remote.events());
    assertThat(remoteEvents.runLevel()).isEqualTo(localEvents.runLevel());
    assertThat(remoteEvents.steps()).isEqualTo(localEvents.steps());
    assertThat(NormalizedEvents.of(remoteSeen).steps()).isEqualTo(localEvents.steps());
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
  void cancellingARemoteRunStopsTheRunningStepAndEndsCanceled() throws InterruptedException {
    PipelineBuilder p = PipelineDefinition.builder("endless");
    SolidNode waiting = p.add(SolidDefinition.builder("wait_for_cancel").returning(OUT, (ctx, in) -> {
      while (!ctx.isCancelled()) {
        Thread.onSpinWait();
      }
      return 0;
    }).build());
    p.add(Solids.plusOne("never")).wire(IN, waiting.output(OUT));
    CountDownLatch started = new CountDownLatch(1);
    RunRequest request = RunRequest.builder().listener(event -> {
      if (event instanceof RunEvent.StepStarted s && s.stepKey().equals("wait_for_cancel")) {
        started.countDown();
      }
    }).build();

    RunHandle handle = runtime().submit(p.build(), request);
    assertThat(started.await(60, TimeUnit.SECONDS)).as("the step started on the cluster").isTrue();
    handle.cancel();
    RunResult result = handle.await(Duration.ofSeconds(60)).orElseThrow();

    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.steps()).extracting(StepStats::stepKey).doesNotContain("never");
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
