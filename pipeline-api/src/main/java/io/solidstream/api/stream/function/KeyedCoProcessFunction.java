package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Processes the records of two streams keyed by the same key type, with shared keyed state and
 * timers (e.g. enrich clicks with the latest profile of the same user).
 *
 * @param <K> key type
 * @param <A> first input type
 * @param <B> second input type
 * @param <O> output type
 */
public interface KeyedCoProcessFunction<K, A, B, O> extends Serializable {

  /** Processes a record of the first stream. */
  void processElement1(A value, KeyedProcessFunction.Context<K> ctx, Collector<O> out) throws Exception;

  /** Processes a record of the second stream. */
  void processElement2(B value, KeyedProcessFunction.Context<K> ctx, Collector<O> out) throws Exception;

  /** Called when a timer of the current key fires; does nothing by default. */
  default void onTimer(long timestamp, KeyedProcessFunction.TimerContext<K> ctx, Collector<O> out)
      throws Exception {}
}
