package io.solidstream.api.stream;

import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.graph.StreamNode;

/**
 * Two unkeyed streams processed by one two-input function. The operator's watermark is the minimum
 * of both inputs' watermarks.
 *
 * @param <A> first record type
 * @param <B> second record type
 */
public final class ConnectedStreams<A, B> {
  private final StreamBuilder builder;
  private final int first;
  private final int second;

  ConnectedStreams(StreamBuilder builder, int first, int second) {
    this.builder = builder;
    this.first = first;
    this.second = second;
  }

  /** Processes both streams with {@code function}. */
  public <O> DataStream<O> process(CoProcessFunction<A, B, O> function) {
    builder.checkFunction(function, "function", "connect/process");
    return new DataStream<>(builder, builder.add("co_process",
        (i, n) -> new StreamNode.CoProcess(i, n, first, second, function)));
  }
}
