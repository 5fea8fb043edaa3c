package io.solidstream.api.stream.function;

import io.solidstream.api.stream.time.TimeWindow;
import java.io.Serializable;

/**
 * Turns the incremental result of one window (reduce or aggregate) into an output record that
 * may use the key and the window's bounds.
 *
 * @param <K> key type ({@code Void} for {@code windowAll})
 * @param <R> the aggregation's result type
 * @param <O> output type
 */
@FunctionalInterface
public interface WindowResultFunction<K, R, O> extends Serializable {

  /** The output for {@code key}'s window {@code window} with aggregated {@code result}. */
  O apply(K key, TimeWindow window, R result) throws Exception;
}
