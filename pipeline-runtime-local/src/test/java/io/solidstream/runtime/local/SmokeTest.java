package io.solidstream.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.config.RunConfig;
import io.solidstream.api.event.EventType;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.run.RunResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
  static final OutputDef<Integer> NUM = OutputDef.of("num", Integer.class);
  static final InputDef<Integer> X = InputDef.of("x", Integer.class);
  static final OutputDef<Integer> Y = OutputDef.of("y", Integer.class);
  static final OutputDef<Integer> ITEMS = OutputDef.dynamic("items", Integer.class);
  static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);
  static final OutputDef<Integer> SUM = OutputDef.of("sum", Integer.class);

  @Test
  void runsChainWithConfigAndDynamicMapCollect() {
    SolidDefinition source = SolidDefinition.builder("source")
        .config(ConfigType.shape().field("n", ConfigType.integer(), 3).build())
        .returning(NUM, (ctx, in) -> ctx.config().getInt("n"))
        .build();
    SolidDefinition doubleIt = SolidDefinition.function("double_it", X, Y, x -> x * 2);
    SolidDefinition fanOut = SolidDefinition.builder("fan_out").input(X).output(ITEMS)
        .compute((ctx, in) -> {
          for (int i = 0; i < in.get(X); i++) {
            ctx.emit(ITEMS, "k" + i, i);
          }
        }).build();
    SolidDefinition sum = SolidDefinition.builder("sum").input(ALL)
        .returning(SUM, (ctx, in) -> in.get(ALL).stream().mapToInt(Integer::intValue).sum()).build();

    PipelineBuilder p = PipelineDefinition.builder("smoke");
    SolidNode src = p.add(source);
    SolidNode dbl = p.add(doubleIt).wire(X, src.output(NUM));
    SolidNode fan = p.add(fanOut).wire(X, dbl.output(Y));
    var doubled = fan.dynamicOutput(ITEMS).map(p.add(doubleIt, "double_each"), X, Y);
    p.add(sum).wire(ALL, doubled.collect());
    PipelineDefinition pipeline = p.build();

    for (int threads : new int[] {1, 4}) {
      RunResult result = LocalRuntime.builder().maxConcurrent(threads).build().execute(pipeline,
          RunRequest.of(RunConfig.builder().solidConfig("source", java.util.Map.of("n", 2)).build()));
      assertThat(result.success()).as(result.events().toString()).isTrue();
      assertThat(result.output("double_it", Y)).isEqualTo(4);
      assertThat(result.output("sum", SUM)).isEqualTo(2 * (0 + 1 + 2 + 3));
      assertThat(result.mappedOutput("double_each", Y)).containsEntry("k3", 6);
      assertThat(result.events()).extracting(RunEvent::type).first().isEqualTo(EventType.RUN_STARTED);
    }
  }
}
