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
 * One source solid, {@link BenchPipelines#SIZE} independent trivial solids reading it, and one
 * fan-in solid summing them ({@link #STEPS} steps), run on the in-process runtime sequentially
 * and on a pool of 4.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FanOutBenchmark {
  /** Steps per run: source, the fan-out, the fan-in. */
  public static final int STEPS = BenchPipelines.SIZE + 2;

  @Param({"true", "false"})
  public boolean checkSerializable;

  @Param({"1", "4"})
  public int maxConcurrent;

  private PipelineDefinition pipeline;
  private LocalRuntime runtime;

  @Setup
  public void setup() {
    pipeline = BenchPipelines.fanOut();
    runtime = LocalRuntime.builder().maxConcurrent(maxConcurrent).checkSerializable(checkSerializable).build();
    execute();
  }

  @TearDown
  public void tearDown() {
    runtime.close();
  }

  /** One run of the whole fan-out. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public int run() {
    return execute();
  }

  /** One run of the whole fan-out, reported per step. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @OperationsPerInvocation(STEPS)
  public int perStep() {
    return execute();
  }

  /** Runs the fan-out and fails unless it succeeded with the right sum. */
  int execute() {
    RunResult result = runtime.execute(pipeline);
    if (!result.success()) {
      throw new IllegalStateException("fan-out run failed: " + result.failures());
    }
    int value = result.output("sum", BenchPipelines.Y);
    if (value != 2 * BenchPipelines.SIZE) {
      throw new IllegalStateException("fan-out of " + BenchPipelines.SIZE + " summed to " + value);
    }
    return value;
  }
}
