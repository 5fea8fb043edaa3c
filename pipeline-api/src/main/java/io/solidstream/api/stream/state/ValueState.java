package io.solidstream.api.stream.state;

/**
 * One value per key, scoped to the key of the record or timer being processed.
 *
 * @param <T> the value type
 */
public interface ValueState<T> {

  /** The value, or {@code null} if none was set for the current key. */
  T value();

  /** Sets the value for the current key. */
  void update(T value);

  /** Removes the value of the current key. */
  void clear();
}
