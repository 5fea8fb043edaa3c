package io.solidstream.api.stream.function;

import io.solidstream.api.stream.time.TimeWindow;
import java.io.Serializable;

/**
 * Processes all elements of one window at once, with the key and the window's bounds. Keeps every
 * element until the window fires; prefer reduce or aggregate when an incremental form exists.
 *
 * @param <I> input type
 * @param <O> output type
 * @param <K> key type ({@code Void} for {@code windowAll})
 */
@FunctionalInterface
public interface ProcessWindowFunction<I, O, K> extends Serializable {

  /** Emits the outputs for one firing of {@code window} of {@code key}. */
  void process(K key, TimeWindow window, Iterable<I> elements, Collector<O> out) throws Exception;
}
