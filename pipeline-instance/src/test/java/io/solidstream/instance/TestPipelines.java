package io.solidstream.instance;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.solid.AssetKey;
import io.solidstream.api.solid.ExpectationResult;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.Materialization;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Pipelines the instance tests run: small, deterministic, serializable. */
final class TestPipelines {
  private TestPipelines() {}

  static final OutputDef<Integer> NUMBER = OutputDef.of("number", Integer.class);
  static final InputDef<Integer> IN = InputDef.of("in", Integer.class);

  /** load (config "start", default 1) -> double (retried once: fails on its first attempt) -> report (materializes). */
  static PipelineDefinition etl() {
    SolidDefinition load = SolidDefinition.builder("load")
        .config(ConfigType.shape().field("start", ConfigType.integer(), 1).build())
        .returning(NUMBER, (ctx, in) -> {
          ctx.log().info("loading from {}", ctx.config().getInt("start"));
          return ctx.config().getInt("start");
        })
        .build();
    SolidDefinition twice = SolidDefinition.builder("double")
        .input(IN)
        .retryPolicy(RetryPolicy.maxAttempts(2))
        .returning(NUMBER, (ctx, in) -> {
          if (ctx.attempt() == 1) {
            throw new IllegalStateException("flaky upstream", new java.io.IOException("connection reset"));
          }
          return in.get(IN) * 2;
        })
        .build();
    SolidDefinition report = SolidDefinition.builder("report")
        .input(IN)
        .compute((ctx, in) -> {
          ctx.expect(ExpectationResult.of("positive", in.get(IN) > 0).withMetadata("value", in.get(IN)));
          ctx.materialize(Materialization.of(AssetKey.of("reports", "numbers")).withMetadata("value", in.get(IN)));
        })
        .build();
    PipelineBuilder p = PipelineDefinition.builder("etl");
    SolidNode l = p.add(load);
    SolidNode d = p.add(twice).wire(IN, l.output(NUMBER));
    p.add(report).wire(IN, d.output(NUMBER));
    return p.build();
  }

  /** One solid that always fails. */
  static PipelineDefinition failing() {
    SolidDefinition boom = SolidDefinition.builder("boom")
        .compute((ctx, in) -> {
          throw new IllegalArgumentException("bad input file", new RuntimeException("root cause"));
        })
        .build();
    PipelineBuilder p = PipelineDefinition.builder("failing");
    p.add(boom);
    return p.build();
  }

  /** {@code solids} independent solids logging {@code logs} messages each: many events, fast. */
  static PipelineDefinition chatty(int solids, int logs) {
    PipelineBuilder p = PipelineDefinition.builder("chatty");
    for (int i = 0; i < solids; i++) {
      p.add(SolidDefinition.builder("talk_" + i)
          .config(ConfigType.shape().field("logs", ConfigType.integer(), logs).build())
          .compute((ctx, in) -> {
            int n = ctx.config().getInt("logs");
            for (int m = 0; m < n; m++) {
              ctx.log().info("message {} of {}", m, ctx.stepKey());
            }
          })
          .build());
    }
    return p.build();
  }

  /**
   * {@code first} logs and succeeds; {@code wait} logs, then waits until the file named by its
   * config {@code until} exists (a test creates it, or kills the process).
   */
  static PipelineDefinition blocking() {
    SolidDefinition first = SolidDefinition.builder("first")
        .returning(NUMBER, (ctx, in) -> {
          ctx.log().info("first step done");
          return 1;
        })
        .build();
    SolidDefinition wait = SolidDefinition.builder("wait")
        .input(IN)
        .config(ConfigType.shape().field("until", ConfigType.string()).build())
        .compute((ctx, in) -> {
          ctx.log().info("waiting for {}", ctx.config().getString("until"));
          Path until = Path.of(ctx.config().getString("until"));
          while (!Files.exists(until)) {
            Thread.sleep(50);
          }
        })
        .build();
    PipelineBuilder p = PipelineDefinition.builder("blocking");
    SolidNode f = p.add(first);
    p.add(wait).wire(IN, f.output(NUMBER));
    return p.build();
  }

  /** A timeout long enough for anything in these tests on a loaded machine. */
  static final Duration PATIENCE = Duration.ofSeconds(60);
}
