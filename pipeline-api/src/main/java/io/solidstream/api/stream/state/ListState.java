package io.solidstream.api.stream.state;

import java.util.List;

/**
 * A list of values per key, scoped to the current key.
 *
 * @param <T> the element type
 */
public interface ListState<T> {

  /** The elements of the current key, in insertion order (empty if none). */
  Iterable<T> get();

  /** Appends an element. */
  void add(T value);

  /** Replaces all elements. */
  void update(List<T> values);

  /** Removes all elements of the current key. */
  void clear();
}
