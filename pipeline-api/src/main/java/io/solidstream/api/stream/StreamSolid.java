package io.solidstream.api.stream;

import io.solidstream.api.solid.Inputs;
import io.solidstream.api.solid.OutputDef;
import io.solidstream.api.solid.SolidContext;
import io.solidstream.api.solid.SolidDefinition;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Sinks;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;

/**
 * A solid whose compute runs a bounded stream program over its inputs and emits the collected
 * result: streams inside a pipeline. The program runs on the stream runtime of whichever runtime
 * runs the pipeline ({@link SolidContext#streams()}).
 *
 * <pre>{@code
 * static final InputDef<List<Click>> CLICKS = InputDef.of("clicks", new TypeRef<>() {});
 * static final OutputDef<List<UserCount>> COUNTS = OutputDef.of("counts", new TypeRef<>() {});
 *
 * static final SolidDefinition COUNT_CLICKS = StreamSolid
 *     .builder("count_clicks", COUNTS, (ctx, in, b) -> b
 *         .source(Sources.fromList(in.get(CLICKS)), CLICK_TIME)
 *         .keyBy(Click::user)
 *         .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
 *         .aggregate(Aggregators.count(), (user, window, n) -> new UserCount(user, window.start(), n)))
 *     .input(CLICKS)
 *     .build();
 * }</pre>
 *
 * <p>The program is named after the step ({@code <step key>}), so its operators are named
 * {@code <step key>/<operator>}. Its result is emitted in arrival order. A failure of the program
 * fails the step (and may be retried like any other); cancelling the run cancels the program.
 */
public final class StreamSolid {
  private StreamSolid() {}

  /**
   * Builds the stream program of one step.
   *
   * @param <O> the type of the records the solid emits as a list
   */
  @FunctionalInterface
  public interface ProgramFunction<O> extends Serializable {

    /**
     * Adds sources and operators to {@code builder} and returns the stream whose records become
     * the output; do not add a sink for it.
     */
    DataStream<O> build(SolidContext context, Inputs inputs, StreamBuilder builder) throws Exception;
  }

  /**
   * A solid builder whose compute runs {@code program} and emits its records on {@code output};
   * declare the inputs, config and resources on the returned builder as for any solid.
   */
  public static <O> SolidDefinition.Builder builder(String name, OutputDef<List<O>> output, ProgramFunction<O> program) {
    return builder(name, output, program, StreamOptions.defaults());
  }

  /** Like {@link #builder(String, OutputDef, ProgramFunction)}, with stream options. */
  public static <O> SolidDefinition.Builder builder(
      String name, OutputDef<List<O>> output, ProgramFunction<O> program, StreamOptions options) {
    Objects.requireNonNull(program, "program");
    Objects.requireNonNull(options, "options");
    return SolidDefinition.builder(name).returning(output, (ctx, in) -> run(ctx, in, program, options));
  }

  private static <O> List<O> run(SolidContext ctx, Inputs inputs, ProgramFunction<O> program, StreamOptions options)
      throws Exception {
    StreamBuilder builder = StreamProgram.builder(ctx.stepKey().replaceAll("[^A-Za-z0-9_.-]", "_"));
    DataStream<O> result = program.build(ctx, inputs, builder);
    if (result == null) {
      throw new IllegalStateException("the program function of solid '" + ctx.solidName()
          + "' returned no stream; return the stream whose records are the output");
    }
    Sink.Collect<O> sink = Sinks.collect("result");
    result.sink(sink);
    StreamProgram streamProgram = builder.build();
    if (!streamProgram.isBounded()) {
      throw new IllegalArgumentException("the stream program of solid '" + ctx.solidName()
          + "' has an unbounded source; a solid's program must end by itself (bound the generator)");
    }
    StreamJob job = ctx.streams().start(streamProgram, options);
    StreamResult outcome;
    try {
      outcome = job.await();
    } catch (CancellationException e) {
      job.cancel();
      throw e;
    }
    return List.copyOf(outcome.orThrow().collected(sink));
  }
}
