package io.solidstream.api.stream.function;

import io.solidstream.api.stream.OutputTag;
import java.io.Serializable;

/**
 * Processes each record of an unkeyed stream, with access to its timestamp, the watermark and
 * side outputs. (Keyed state and timers need a keyed stream: see {@link KeyedProcessFunction}.)
 *
 * @param <I> input type
 * @param <O> output type
 */
@FunctionalInterface
public interface ProcessFunction<I, O> extends Serializable {

  /** Processes one record. */
  void processElement(I value, Context ctx, Collector<O> out) throws Exception;

  /** What a process function sees of the record being processed. */
  interface Context {
    /** The record's timestamp, or {@code null} if it has none. */
    Long timestamp();

    /** The operator's current watermark. */
    long currentWatermark();

    /** The current processing time. */
    long currentProcessingTime();

    /** Emits {@code value} to the side output {@code tag}. */
    <X> void output(OutputTag<X> tag, X value);
  }
}
