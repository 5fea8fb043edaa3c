package io.solidstream.api.stream;

import io.solidstream.api.stream.function.KeyedCoProcessFunction;
import io.solidstream.api.stream.graph.StreamNode;

/**
 * Two streams keyed alike, processed by one keyed two-input function with shared keyed state and
 * timers.
 *
 * @param <A> first record type
 * @param <B> second record type
 * @param <K> key type
 */
public final class KeyedConnectedStreams<A, B, K> {
  private final StreamBuilder builder;
  private final int first;
  private final int second;

  KeyedConnectedStreams(StreamBuilder builder, int first, int second) {
    this.builder = builder;
    this.first = first;
    this.second = second;
  }

  /** Processes both streams with {@code function}. */
  public <O> DataStream<O> process(KeyedCoProcessFunction<K, A, B, O> function) {
    builder.checkFunction(function, "function", "connect/process");
    return new DataStream<>(builder, builder.add("co_process",
        (i, n) -> new StreamNode.KeyedCoProcess(i, n, first, second, function)));
  }
}
