package io.solidstream.api.stream;

import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.graph.WindowFunctionSpec;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.Objects;

/**
 * A stream cut into windows, waiting for the function that computes each window. Immutable:
 * {@link #allowedLateness} and {@link #sideOutputLateData} return copies.
 *
 * <p>Semantics (Flink's): an event-time window fires when the watermark reaches its
 * {@code maxTimestamp()}; with allowed lateness {@code L}, a record for a window whose
 * {@code maxTimestamp() + L <= watermark} is late: it is dropped (counted) or sent to the late-data
 * side output; a late-but-allowed record fires the window again with all its elements. Outputs of
 * reduce and aggregate carry the timestamp {@code window.maxTimestamp()}.
 *
 * @param <T> the record type
 * @param <K> the key type ({@code Void} for {@code windowAll})
 */
public final class WindowedStream<T, K> {
  private final StreamBuilder builder;
  private final int input;
  private final boolean keyed;
  private final WindowSpec spec;
  private final long allowedLateness;
  private final OutputTag<T> lateTag;

  WindowedStream(StreamBuilder builder, int input, boolean keyed, WindowSpec spec, long allowedLateness, OutputTag<T> lateTag) {
    this.builder = builder;
    this.input = input;
    this.keyed = keyed;
    this.spec = Objects.requireNonNull(spec, "spec");
    this.allowedLateness = allowedLateness;
    this.lateTag = lateTag;
  }

  /** Keeps windows open for late records for {@code lateness} after they fire (event time only). */
  public WindowedStream<T, K> allowedLateness(Duration lateness) {
    long millis = lateness.toMillis();
    if (millis < 0) {
      throw new IllegalArgumentException("allowedLateness must not be negative, was " + lateness);
    }
    if (spec.domain() == TimeDomain.PROCESSING_TIME) {
      throw new IllegalArgumentException("allowedLateness applies to event-time windows only, but the"
          + " window is " + spec + "; remove allowedLateness(...) or use event time");
    }
    return new WindowedStream<>(builder, input, keyed, spec, millis, lateTag);
  }

  /** Sends records too late for their window to the side output {@code tag} instead of dropping them. */
  public WindowedStream<T, K> sideOutputLateData(OutputTag<T> tag) {
    Objects.requireNonNull(tag, "tag");
    if (spec.domain() == TimeDomain.PROCESSING_TIME) {
      throw new IllegalArgumentException("late data exists for event-time windows only, but the window is " + spec);
    }
    return new WindowedStream<>(builder, input, keyed, spec, allowedLateness, tag);
  }

  /** Reduces each window incrementally; emits the reduced record. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    builder.checkFunction(reducer, "reducer", "window reduce");
    return add(new WindowFunctionSpec.Reduce(reducer, null));
  }

  /** Reduces each window incrementally; {@code result} builds the output with key and window. */
  public <O> DataStream<O> reduce(ReduceFunction<T> reducer, WindowResultFunction<K, T, O> result) {
    builder.checkFunction(reducer, "reducer", "window reduce");
    builder.checkFunction(result, "result", "window reduce");
    return add(new WindowFunctionSpec.Reduce(reducer, result));
  }

  /** Aggregates each window incrementally; emits the aggregator's result. */
  public <A, R> DataStream<R> aggregate(Aggregator<? super T, A, R> aggregator) {
    builder.checkFunction(aggregator, "aggregator", "window aggregate");
    return add(new WindowFunctionSpec.Aggregate(aggregator, null));
  }

  /** Aggregates each window incrementally; {@code result} builds the output with key and window. */
  public <A, R, O> DataStream<O> aggregate(Aggregator<? super T, A, R> aggregator, WindowResultFunction<K, R, O> result) {
    builder.checkFunction(aggregator, "aggregator", "window aggregate");
    builder.checkFunction(result, "result", "window aggregate");
    return add(new WindowFunctionSpec.Aggregate(aggregator, result));
  }

  /** Processes all elements of each window at once (keeps every element until the window fires). */
  public <O> DataStream<O> process(ProcessWindowFunction<T, O, K> function) {
    builder.checkFunction(function, "function", "window process");
    return add(new WindowFunctionSpec.Process(function));
  }

  private <O> DataStream<O> add(WindowFunctionSpec function) {
    String kind = keyed ? "window" : "window_all";
    return new DataStream<>(builder, builder.add(kind,
        (i, n) -> new StreamNode.Window(i, n, input, keyed, spec, allowedLateness, lateTag, function)));
  }
}
