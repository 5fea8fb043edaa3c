package io.solidstream.api.stream;

import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.time.WindowSpec;

/**
 * A stream partitioned by key: keyed state, timers, rolling aggregations, windows and joins.
 *
 * @param <T> the record type
 * @param <K> the key type
 */
public final class KeyedStream<T, K> extends DataStream<T> {

  KeyedStream(StreamBuilder builder, int id) {
    super(builder, id);
  }

  /** Rolling reduce per key: emits the reduced value after every record. Stateful. */
  public DataStream<T> reduce(ReduceFunction<T> reducer) {
    builder.checkFunction(reducer, "reducer", "reduce");
    return new DataStream<>(builder, builder.add("reduce", (i, n) -> new StreamNode.Reduce(i, n, id, reducer)));
  }

  /** Rolling aggregate per key: emits the current result after every record. Stateful. */
  public <A, R> DataStream<R> aggregate(Aggregator<? super T, A, R> aggregator) {
    builder.checkFunction(aggregator, "aggregator", "aggregate");
    return new DataStream<>(builder, builder.add("aggregate", (i, n) -> new StreamNode.Aggregate(i, n, id, aggregator)));
  }

  /** A keyed process function with keyed state and timers. */
  public <O> DataStream<O> process(KeyedProcessFunction<K, ? super T, O> function) {
    builder.checkFunction(function, "function", "process");
    return new DataStream<>(builder, builder.add("process", (i, n) -> new StreamNode.KeyedProcess(i, n, id, function)));
  }

  /** Windows per key. */
  public WindowedStream<T, K> window(WindowSpec spec) {
    return new WindowedStream<>(builder, id, true, spec, 0, null);
  }

  /** An interval join with {@code other}, keyed alike: {@code intervalJoin(b).between(lo, hi).join(fn)}. */
  public <B> IntervalJoin<T, B, K> intervalJoin(KeyedStream<B, K> other) {
    builder.checkSame(other.builder, "intervalJoin");
    return new IntervalJoin<>(builder, id, other.id, 0, 0, true, true, false);
  }

  /** Both keyed streams processed by one keyed two-input function with shared keyed state. */
  public <B> KeyedConnectedStreams<T, B, K> connect(KeyedStream<B, K> other) {
    builder.checkSame(other.builder, "connect");
    return new KeyedConnectedStreams<>(builder, id, other.id);
  }
}
