package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Processes the records of two connected, unkeyed streams.
 *
 * @param <A> first input type
 * @param <B> second input type
 * @param <O> output type
 */
public interface CoProcessFunction<A, B, O> extends Serializable {

  /** Processes a record of the first stream. */
  void processElement1(A value, ProcessFunction.Context ctx, Collector<O> out) throws Exception;

  /** Processes a record of the second stream. */
  void processElement2(B value, ProcessFunction.Context ctx, Collector<O> out) throws Exception;
}
