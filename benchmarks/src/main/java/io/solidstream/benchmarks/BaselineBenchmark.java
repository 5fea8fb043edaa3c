package io.solidstream.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same work as {@link ChainBenchmark} without the framework: {@link BenchPipelines#SIZE}
 * plain {@code Function<Integer, Integer>} ({@code x -> x + 1}) applied in a chain.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BaselineBenchmark {

  private Function<Integer, Integer>[] functions;
  /** Read from a field so the JIT cannot fold the chain into a constant. */
  private Integer start;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    functions = new Function[BenchPipelines.SIZE];
    for (int i = 0; i < functions.length; i++) {
      functions[i] = x -> x + 1;
    }
    start = 0;
    int value = apply();
    if (value != BenchPipelines.SIZE) {
      throw new IllegalStateException("chain of " + BenchPipelines.SIZE + " functions gave " + value);
    }
  }

  /** One pass through the whole chain of functions. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Integer run() {
    return apply();
  }

  /** One pass through the whole chain of functions, reported per function. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  @OperationsPerInvocation(BenchPipelines.SIZE)
  public Integer perStep() {
    return apply();
  }

  Integer apply() {
    Integer value = start;
    for (Function<Integer, Integer> function : functions) {
      value = function.apply(value);
    }
    return value;
  }
}
