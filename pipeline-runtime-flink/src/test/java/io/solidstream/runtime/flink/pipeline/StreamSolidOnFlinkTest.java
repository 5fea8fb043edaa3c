package io.solidstream.runtime.flink.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.Aggregators;
import io.solidstream.api.stream.StreamSolid;
import io.solidstream.api.stream.io.Sources;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import io.solidstream.api.types.TypeRef;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A StreamSolid step of a pipeline run on the mini-cluster runs its program as a job on the same cluster. */
class StreamSolidOnFlinkTest {
  record Click(String user, long time) implements Serializable {}

  record UserCount(String user, long windowStart, long count) implements Serializable {}

  static final OutputDef<List<Click>> CLICKS_OUT = OutputDef.of("clicks", new TypeRef<List<Click>>() {});
  static final InputDef<List<Click>> CLICKS = InputDef.of("clicks", new TypeRef<List<Click>>() {});
  static final OutputDef<List<UserCount>> COUNTS = OutputDef.of("counts", new TypeRef<List<UserCount>>() {});
  static final OutputDef<String> RUNTIME_NAME = OutputDef.of("runtime", String.class);

  static final List<Click> DATA = List.of(
      new Click("ann", 1_000), new Click("bob", 2_000), new Click("ann", 59_000),
      new Click("ann", 61_000), new Click("bob", 119_999), new Click("cid", 120_000));

  static PipelineDefinition pipeline(boolean failInStream) {
    SolidDefinition load = SolidDefinition.builder("load_clicks").returning(CLICKS_OUT, (ctx, in) -> DATA).build();
    SolidDefinition count = StreamSolid.builder("count_clicks", COUNTS, (ctx, in, b) -> b
            .source(Sources.fromList(in.get(CLICKS)),
                WatermarkStrategy.<Click>forMonotonousTimestamps().withTimestampAssigner((c, ts) -> c.time()))
            .map(c -> {
              if (failInStream && c.user().equals("cid")) {
                throw new IllegalStateException("bad click " + c);
              }
              return c;
            })
            .keyBy(Click::user)
            .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
            .aggregate(Aggregators.count(), (user, window, n) -> new UserCount(user, window.start(), n)))
        .input(CLICKS)
        .build();
    PipelineBuilder p = PipelineDefinition.builder("clicks");
    SolidNode loaded = p.add(load);
    p.add(count).wire(CLICKS, loaded.output(CLICKS_OUT));
    p.add(SolidDefinition.builder("which_streams").returning(RUNTIME_NAME, (ctx, in) -> ctx.streams().name()).build());
    return p.build();
  }

  @Test
  void aStreamSolidRunsItsProgramOnTheSameClusterAndEmitsTheCollectedResult() {
    RunResult result = FlinkPipelineTestRuntime.RUNTIME.execute(pipeline(false)).orThrow();

    Map<String, Long> expected = DATA.stream().collect(Collectors.groupingBy(
        c -> c.user() + "@" + (c.time() - c.time() % 60_000), Collectors.counting()));
    assertThat(result.output("count_clicks", COUNTS).stream()
        .collect(Collectors.toMap(c -> c.user() + "@" + c.windowStart(), UserCount::count)))
        .isEqualTo(expected);
    assertThat(result.output("which_streams", RUNTIME_NAME)).isEqualTo("flink-minicluster");
  }

  @Test
  void aFailureInsideTheStreamProgramFailsTheStepNamingSolidAndOperator() {
    RunResult result = FlinkPipelineTestRuntime.RUNTIME.execute(pipeline(true));

    assertThat(result.success()).isFalse();
    assertThat(result.failures()).containsOnlyKeys("count_clicks");
    assertThat(result.failures().get("count_clicks")).isInstanceOf(UserCodeException.class)
        .hasMessageContaining("solid 'count_clicks'")
        .hasMessageContaining("Error in operator 'count_clicks/map'")
        .rootCause().hasMessage("bad click Click[user=cid, time=120000]");
  }
}
