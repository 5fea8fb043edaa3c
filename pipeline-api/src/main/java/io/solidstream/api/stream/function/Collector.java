package io.solidstream.api.stream.function;

/**
 * Receives the records a function emits.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface Collector<T> {

  /** Emits one record downstream. */
  void collect(T record);
}
