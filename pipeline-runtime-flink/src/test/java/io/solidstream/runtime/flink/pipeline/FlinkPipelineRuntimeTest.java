package io.solidstream.runtime.flink.pipeline;

import static io.solidstream.runtime.flink.pipeline.Solids.FAN_OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.GATHER;
import static io.solidstream.runtime.flink.pipeline.Solids.IN;
import static io.solidstream.runtime.flink.pipeline.Solids.ITEMS;
import static io.solidstream.runtime.flink.pipeline.Solids.OUT;
import static io.solidstream.runtime.flink.pipeline.Solids.plusOne;
import static io.solidstream.runtime.flink.pipeline.Solids.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.config.RunConfigException;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.pipeline.DynamicHandle;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.run.RunHandle;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.runtime.flink.FlinkCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is particular to running pipelines on Flink. Solids meet the test through static latches:
 * the mini-cluster's task managers run in this JVM (on a remote cluster they could not).
 */
class FlinkPipelineRuntimeTest {
  static final FlinkPipelineRuntime RUNTIME = FlinkPipelineTestRuntime.RUNTIME;
  static final OutputDef<Boolean> MET = OutputDef.of("met", Boolean.class);

  static volatile CountDownLatch latch = new CountDownLatch(0);

  /** Counts the latch down and waits (at most 20 s) until every party did; emits whether all met. */
  static SolidDefinition meeting(String name) {
    return SolidDefinition.builder(name).returning(MET, (ctx, in) -> {
      latch.countDown();
      return latch.await(20, TimeUnit.SECONDS);
    }).build();
  }

  @Test
  void thePlanBecomesOneJobWithOneOperatorPerStepNamedAfterTheStep() {
    // Given a -> b, and fan_out -> map(double_each) -> collect -> gather
    PipelineBuilder p = PipelineDefinition.builder("shape");
    SolidNode a = p.add(source("a", 1));
    p.add(plusOne("b")).wire(IN, a.output(OUT));
    SolidNode fan = p.add(FAN_OUT);
    DynamicHandle<Integer> doubled = fan.dynamicOutput(ITEMS).map(p.add(Solids.DOUBLE_EACH), IN, OUT);
    p.add(GATHER).wire(Solids.ALL, doubled.collect());
    RunRequest request = RunRequest.of(RunConfig.builder().solidConfig("fan_out", Map.of("keys", List.of("x"))).build());
    ExecutionPlan plan = ExecutionPlan.create(p.build(), request);

    // When the job is built (not run)
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    PipelineJob.build(env, plan, new RunSpec("r", Map.of(), Progress.templateScopes(plan), plan.resources(), Map.of(),
        null, "test", null, null), 3);
    StreamGraph graph = env.getStreamGraph();

    // Then every step is one operator, uid and name its step key; mapped steps run in 3 subtasks
    List<StreamNode> nodes = new ArrayList<>(graph.getStreamNodes());
    assertThat(nodes).extracting(StreamNode::getOperatorName).contains("a", "b", "fan_out", "double_each", "gather");
    assertThat(nodes).extracting(StreamNode::getTransformationUID).contains("a", "b", "fan_out", "double_each", "gather");
    assertThat(node(graph, "double_each").getParallelism()).isEqualTo(3);
    assertThat(node(graph, "gather").getParallelism()).isEqualTo(1);
    assertThat(upstreamNames(graph, "b")).containsExactly("a");
    assertThat(upstreamNames(graph, "double_each")).containsExactly("fan_out");
    assertThat(upstreamNames(graph, "gather")).containsExactlyInAnyOrder("double_each", "fan_out");
    assertThat(upstreamNames(graph, "a")).containsExactly(PipelineJob.START);
  }

  private static StreamNode node(StreamGraph graph, String name) {
    return graph.getStreamNodes().stream().filter(n -> n.getOperatorName().equals(name)).findFirst().orElseThrow();
  }

  private static List<String> upstreamNames(StreamGraph graph, String name) {
    return node(graph, name).getInEdges().stream()
        .map(edge -> graph.getStreamNode(edge.getSourceId()).getOperatorName())
        .map(n -> n.startsWith("Source: ") ? n.substring("Source: ".length()) : n)
        .toList();
  }

  @Test
  void independentStepsRunAtTheSameTime() {
    // Given three independent steps that can only finish if all three run at once
    latch = new CountDownLatch(3);
    PipelineBuilder p = PipelineDefinition.builder("together");
    p.add(meeting("x"));
    p.add(meeting("y"));
    p.add(meeting("z"));

    // When
    RunResult result = RUNTIME.execute(p.build());

    // Then they met
    assertThat(result.success()).isTrue();
    assertThat(List.of(result.output("x", MET), result.output("y", MET), result.output("z", MET)))
        .containsOnly(true);
  }

  @Test
  void clonesOfAMappedStepRunAtTheSameTimeInSeveralSubtasks() {
    // Given keys a, b, c, which the 3 subtasks of a mapped step own one each
    assertThat(List.of(StepOperator.owner("a", 3), StepOperator.owner("b", 3), StepOperator.owner("c", 3)))
        .containsExactlyInAnyOrder(0, 1, 2);
    latch = new CountDownLatch(3);
    PipelineBuilder p = PipelineDefinition.builder("mapped_together");
    SolidNode fan = p.add(FAN_OUT);
    fan.dynamicOutput(ITEMS).map(p.add(SolidDefinition.builder("meet").input(IN).returning(MET, (ctx, in) -> {
      latch.countDown();
      return latch.await(20, TimeUnit.SECONDS);
    }).build()), IN, MET);
    RunRequest request = RunRequest.of(RunConfig.builder()
        .solidConfig("fan_out", Map.of("keys", List.of("a", "b", "c"))).build());

    // When
    RunResult result = RUNTIME.withMappedParallelism(3).execute(p.build(), request);

    // Then every clone met the others
    assertThat(result.success()).isTrue();
    assertThat(result.mappedOutput("meet", MET)).containsOnly(Map.entry("a", true), Map.entry("b", true),
        Map.entry("c", true));
  }

  @Test
  void eventsReachTheListenersWhileTheStepStillRuns() {
    // Given a step that waits until the client's listener has seen it start
    latch = new CountDownLatch(1);
    PipelineBuilder p = PipelineDefinition.builder("live");
    SolidNode waits = p.add(SolidDefinition.builder("waits").returning(MET, (ctx, in) -> {
      ctx.log().info("waiting for the client");
      return latch.await(20, TimeUnit.SECONDS);
    }).build());
    p.add(SolidDefinition.builder("after").input(io.solidstream.api.solid.InputDef.of("met", Boolean.class))
        .returning(OUT, (ctx, in) -> 1).build()).wire(io.solidstream.api.solid.InputDef.of("met", Boolean.class),
        waits.output(MET));
    List<RunEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    RunRequest request = RunRequest.builder().listener(seen::add).listener(event -> {
      if (event instanceof RunEvent.LogMessage log && log.text().equals("waiting for the client")) {
        latch.countDown();
      }
    }).build();

    // When
    RunResult result = RUNTIME.execute(p.build(), request);

    // Then the listener saw the step's log message before the step ended, and every event once, in order
    assertThat(result.output("waits", MET)).as("the client saw the event while the step ran").isTrue();
    assertThat(seen).containsExactlyElementsOf(result.events());
    assertThat(result.events()).extracting(RunEvent::type).startsWith(EventType.RUN_STARTED, EventType.STEP_STARTED,
        EventType.LOG_MESSAGE, EventType.STEP_OUTPUT, EventType.STEP_SUCCEEDED, EventType.STEP_STARTED);
  }

  /** A user exception class the client knows. */
  static final class QuotaExceeded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    QuotaExceeded(String message) {
      super(message);
    }
  }

  @Test
  void aUserExceptionSurfacesWithItsClassMessageAndTheSolid() {
    PipelineBuilder p = PipelineDefinition.builder("failing");
    p.add(SolidDefinition.builder("upload").returning(OUT, (ctx, in) -> {
      throw new QuotaExceeded("quota of 10 GB exceeded");
    }).build());

    RunResult result = RUNTIME.execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("upload")).isInstanceOf(UserCodeException.class)
        .hasMessage("Error in solid 'upload' (step 'upload'): " + QuotaExceeded.class.getName()
            + ": quota of 10 GB exceeded")
        .cause().isInstanceOf(QuotaExceeded.class).hasMessage("quota of 10 GB exceeded");
    assertThat(result.eventsOf(RunEvent.StepFailed.class)).singleElement().satisfies(failed -> {
      assertThat(failed.error().className()).isEqualTo(QuotaExceeded.class.getName());
      assertThat(failed.error().message()).isEqualTo("quota of 10 GB exceeded");
    });
    assertThatThrownBy(result::orThrow).isInstanceOf(UserCodeException.class).hasMessageContaining("solid 'upload'");
  }

  /** Not serializable. */
  static final class Client {
    int calls;
  }

  static final ResourceKey<Client> CLIENT = ResourceKey.of("client", Client.class);

  @Test
  void whatCannotBeShippedFailsAtSubmitNamingTheSolidAndTheResource() {
    // Given a solid capturing a client object, and a replacement resource that is not serializable
    Client captured = new Client();
    PipelineBuilder p = PipelineDefinition.builder("unshippable")
        .resource(CLIENT, ResourceDefinition.of(ctx -> new Client()));
    p.add(SolidDefinition.builder("calls").returning(OUT, (ctx, in) -> ++captured.calls).build());
    p.add(SolidDefinition.builder("uses").requires(CLIENT).returning(OUT, (ctx, in) -> ctx.resource(CLIENT).calls)
        .build());
    RunRequest request = RunRequest.builder().resource(CLIENT, new Client()).build();

    // Then submit fails before anything runs
    assertThatThrownBy(() -> RUNTIME.submit(p.build(), request))
        .isInstanceOf(InvalidPipelineException.class)
        .hasMessageContaining("Invalid pipeline 'unshippable'")
        .hasMessageContaining("the compute function of solid 'calls' must be serializable")
        .hasMessageContaining(Client.class.getName())
        .hasMessageContaining("the replacement of resource 'client'")
        .hasMessageContaining("ships solids, hooks, resources and input values to its task managers");
  }

  @Test
  void anInvalidRunConfigIsThrownBySubmitAsInProcess() {
    PipelineBuilder p = PipelineDefinition.builder("configured");
    p.add(FAN_OUT);

    assertThatThrownBy(() -> RUNTIME.submit(p.build(), RunRequest.of(RunConfig.fromYaml(
        "solids: {fan_out: {config: {keys: 3}}}"))))
        .isInstanceOf(RunConfigException.class)
        .hasMessageContaining("solids.fan_out.config.keys");
  }

  /** A resource whose closing writes a marker file named in its config. */
  static final ResourceKey<Path> MARKER = ResourceKey.of("marker", Path.class);

  @Test
  void cancelStopsTheRunningStepClosesItsResourcesAndEndsTheRunCancelled(@TempDir Path dir) throws Exception {
    // Given a step blocked in user code, holding a resource, with a step after it
    latch = new CountDownLatch(1);
    Path closed = dir.resolve("closed");
    PipelineBuilder p = PipelineDefinition.builder("cancellable").resource(MARKER, ResourceDefinition
        .builder(ctx -> Path.of(ctx.config().getString("path")))
        .config(ConfigType.shape().field("path", ConfigType.string()).build())
        .closer(path -> Files.writeString(path, "closed"))
        .build());
    SolidNode blocking = p.add(SolidDefinition.builder("blocking").requires(MARKER).returning(OUT, (ctx, in) -> {
      ctx.resource(MARKER);
      latch.countDown();
      new CountDownLatch(1).await();
      return 1;
    }).build());
    p.add(plusOne("after")).wire(IN, blocking.output(OUT));
    RunHandle handle = RUNTIME.submit(p.build(), RunRequest.of(RunConfig.builder()
        .resourceConfig("marker", Map.of("path", closed.toString())).build()));
    assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(handle.status()).isEqualTo(RunStatus.STARTED);

    // When
    handle.cancel();

    // Then the run ends (within seconds, not hanging), cancelled, the later step never started
    RunResult result = handle.await(Duration.ofSeconds(15)).orElseThrow();
    assertThat(result.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(handle.status()).isEqualTo(RunStatus.CANCELED);
    assertThat(result.eventsFor("after")).extracting(RunEvent::type).doesNotContain(EventType.STEP_STARTED);
    assertThat(result.events()).last().isInstanceOf(RunEvent.RunCanceled.class);
    assertThat(result.events()).extracting(RunEvent::type).doesNotContain(EventType.RUN_FAILED, EventType.RUN_SUCCEEDED);
    assertThat(closed).as("the resource was closed on the task manager").hasContent("closed");
  }

  @Test
  void theHandleFollowsTheRunAndCancelAfterTheEndChangesNothing() throws Exception {
    latch = new CountDownLatch(1);
    PipelineBuilder p = PipelineDefinition.builder("gated");
    p.add(SolidDefinition.builder("gate").returning(MET, (ctx, in) -> latch.await(20, TimeUnit.SECONDS)).build());
    RunHandle handle = RUNTIME.submit(p.build(), RunRequest.builder().runId("gated-1").build());

    assertThat(handle.runId()).isEqualTo("gated-1");
    assertThat(handle.status()).isEqualTo(RunStatus.STARTED);
    assertThat(handle.await(Duration.ofMillis(50))).isEmpty();
    assertThat(handle.isDone()).isFalse();

    latch.countDown();
    RunResult result = handle.completion().get(30, TimeUnit.SECONDS);
    handle.cancel();

    assertThat(result.success()).isTrue();
    assertThat(result.runId()).isEqualTo("gated-1");
    assertThat(handle.status()).isEqualTo(RunStatus.SUCCESS);
    assertThat(handle.await()).isSameAs(result);
    assertThat(result.events()).allSatisfy(e -> assertThat(e.runId()).isEqualTo("gated-1"));
  }

  @Test
  void theRuntimeIsNamedAfterItsClusterAndChecksTheMappedParallelism() {
    assertThat(RUNTIME.name()).isEqualTo("flink-minicluster");
    assertThat(RUNTIME.mappedParallelism()).isEqualTo(FlinkCluster.miniCluster().slots() - 1);
    assertThatThrownBy(() -> RUNTIME.withMappedParallelism(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 1 and the 4 slots of flink-minicluster");
  }


  @Test
  void anUnserializableOutputFailsNamingThisRuntimeAndTheFixNotTheInProcessSwitch() {
    PipelineBuilder p = PipelineDefinition.builder("leaky");
    p.add(SolidDefinition.builder("leaky").returning(OutputDef.of("handle", Object.class), (ctx, in) -> new Object())
        .build());

    RunResult result = RUNTIME.execute(p.build());

    assertThat(result.status()).isEqualTo(RunStatus.FAILURE);
    assertThat(result.failures().get("leaky"))
        .hasMessageContaining("output 'handle' of solid 'leaky' must be serializable")
        .hasMessageContaining("the flink-minicluster runtime ships outputs to the next step Java-serialized")
        .hasMessageContaining("make the value's class Serializable")
        .hasMessageNotContaining("LocalRuntime");
  }
}
