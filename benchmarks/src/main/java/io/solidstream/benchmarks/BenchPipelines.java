package io.solidstream.benchmarks;

import io.solidstream.api.pipeline.OutputHandle;
import io.solidstream.api.pipeline.PipelineBuilder;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.pipeline.SolidNode;
import io.solidstream.api.solid.InputDef;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidDefinition;
import java.util.ArrayList;
import java.util.List;

/**
 * The pipelines the benchmarks run: trivial solids, so that what is measured is the framework's
 * per-step cost, not user work. Shared by the benchmarks and their unit test.
 */
public final class BenchPipelines {
  /** The number of trivial solids in the chain and in the fan-out (the 1,000). */
  public static final int SIZE = 1_000;

  /** Input of {@link #addOne()}; 0 when unwired, so the head of a chain needs no source solid. */
  public static final InputDef<Integer> X = InputDef.of("x", Integer.class).withDefault(0);
  /** Output of every benchmark solid. */
  public static final OutputDef<Integer> Y = OutputDef.of("y", Integer.class);
  /** Fan-in input of {@link #sum()}. */
  public static final InputDef<List<Integer>> ALL = InputDef.list("all", Integer.class);

  private BenchPipelines() {}

  /** {@code x -> x + 1}. */
  public static SolidDefinition addOne() {
    return SolidDefinition.function("add_one", X, Y, x -> x + 1);
  }

  /** Returns 1, the value every fan-out solid reads. */
  public static SolidDefinition one() {
    return SolidDefinition.builder("one").returning(Y, (ctx, in) -> 1).build();
  }

  /** Sums its fan-in input. */
  public static SolidDefinition sum() {
    return SolidDefinition.builder("sum").input(ALL)
        .returning(Y, (ctx, in) -> {
          int total = 0;
          for (int value : in.get(ALL)) {
            total += value;
          }
          return total;
        })
        .build();
  }

  /** The handle of the {@code i}-th solid of a chain or fan-out. */
  public static String handle(int i) {
    return String.format("add_one_%04d", i);
  }

  /**
   * {@code n} uses of {@code addOne} wired in a chain; the first starts from the input's default 0,
   * so the last, {@code handle(n - 1)}, outputs {@code n}.
   */
  public static PipelineDefinition chain(int n, SolidDefinition addOne) {
    PipelineBuilder p = PipelineDefinition.builder("chain_" + n);
    SolidNode previous = p.add(addOne, handle(0));
    for (int i = 1; i < n; i++) {
      previous = p.add(addOne, handle(i)).wire(X, previous.output(Y));
    }
    return p.build();
  }

  /** The chain of {@link #SIZE} solids, with its own solid definition. */
  public static PipelineDefinition chain() {
    return chain(SIZE, addOne());
  }

  /**
   * One source solid {@code one} (outputs 1), {@code n} independent uses of {@code addOne} each
   * reading it (each outputs 2), and one fan-in solid {@code sum} summing all of them: {@code 2n}.
   * {@code n + 2} steps.
   */
  public static PipelineDefinition fanOut(int n, SolidDefinition one, SolidDefinition addOne, SolidDefinition sum) {
    PipelineBuilder p = PipelineDefinition.builder("fan_out_" + n);
    OutputHandle<Integer> source = p.add(one).output(Y);
    List<OutputHandle<Integer>> branches = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      branches.add(p.add(addOne, handle(i)).wire(X, source).output(Y));
    }
    p.add(sum).wireAll(ALL, branches);
    return p.build();
  }

  /** The fan-out of {@link #SIZE} solids, with its own solid definitions. */
  public static PipelineDefinition fanOut() {
    return fanOut(SIZE, one(), addOne(), sum());
  }
}
