package io.solidstream.benchmarks;

import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunResult;
import io.solidstream.runtime.local.LocalRuntime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A chain of {@link BenchPipelines#SIZE} trivial solids ({@code x -> x + 1}) run on the
 * in-process runtime. {@code run} is the time of one whole run (planning included, as
 * {@code execute} plans); {@code perStep} is the same run divided by the number of steps.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChainBenchmark {

  @Param({"true", "false"})
  public boolean checkSerializable;

  @Param({"1"})
  public int maxConcurrent;

  private PipelineDefinition pipeline;
  private LocalRuntime runtime;
  private String last;

  @Setup
  public void setup() {
    pipeline = BenchPipelines.chain();
    runtime = LocalRuntime.builder().maxConcurrent(maxConcurrent).checkSerializable(checkSerializable).build();
    last = BenchPipelines.handle(BenchPipelines.SIZE - 1);
    execute();
  }

  @TearDown
  public void tearDown() {
    runtime.close();
  }

  /** One run of the whole chain. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int run() {
    return execute();
  }

  /** One run of the whole chain, reported per step. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(BenchPipelines.SIZE)
  public int perStep() {
    return execute();
  }

  /** Runs the chain and fails unless it succeeded with the right result. */
  int execute() {
    RunResult result = runtime.execute(pipeline);
    if (!result.success()) {
      throw new IllegalStateException("chain run failed: " + result.failures());
    }
    int value = result.output(last, BenchPipelines.Y);
    if (value != BenchPipelines.SIZE) {
      throw new IllegalStateException("chain of " + BenchPipelines.SIZE + " gave " + value);
    }
    return value;
  }
}
