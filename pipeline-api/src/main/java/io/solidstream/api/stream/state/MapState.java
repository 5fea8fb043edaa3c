package io.solidstream.api.stream.state;

import java.util.Map;

/**
 * A map per key, scoped to the current key.
 *
 * @param <K> the map's key type
 * @param <V> the map's value type
 */
public interface MapState<K, V> {

  /** The value for {@code key}, or {@code null}. */
  V get(K key);

  /** Puts an entry. */
  void put(K key, V value);

  /** Removes an entry. */
  void remove(K key);

  /** Whether the map has {@code key}. */
  boolean contains(K key);

  /** The entries of the current key's map. */
  Iterable<Map.Entry<K, V>> entries();

  /** Whether the current key's map is empty. */
  boolean isEmpty();

  /** Removes the whole map of the current key. */
  void clear();
}
