package io.solidstream.benchmarks;

import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import io.solidstream.api.solid.SolidDefinition;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The two costs before a run of the chain of {@link BenchPipelines#SIZE} solids:
 * {@code build} (the pipeline DSL and its validation) and {@code plan} (the execution plan,
 * alone, as every run computes it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PlanBenchmark {

  private SolidDefinition addOne;
  private PipelineDefinition pipeline;

  @Setup
  public void setup() {
    addOne = BenchPipelines.addOne();
    pipeline = build();
    ExecutionPlan plan = plan();
    if (plan.steps().size() != BenchPipelines.SIZE) {
      throw new IllegalStateException("plan has " + plan.steps().size() + " steps, expected " + BenchPipelines.SIZE);
    }
  }

  /** Builds and validates the chain's PipelineDefinition. */
  @Benchmark
  public PipelineDefinition build() {
    return BenchPipelines.chain(BenchPipelines.SIZE, addOne);
  }

  /** Plans the chain with an empty run config. */
  @Benchmark
  public ExecutionPlan plan() {
    return ExecutionPlan.create(pipeline, RunRequest.defaults());
  }
}
