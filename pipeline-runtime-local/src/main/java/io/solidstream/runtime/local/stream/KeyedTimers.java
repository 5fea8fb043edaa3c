package io.solidstream.runtime.local.stream;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Timers of one time domain of a keyed operator: at most one per key and timestamp (registering
 * twice fires once), fired in timestamp order, keys of one timestamp in registration order.
 */
final class KeyedTimers {
  private final TreeMap<Long, LinkedHashSet<Object>> byTime = new TreeMap<>();

  /** Registers a timer; returns whether {@code timestamp} had no timer of any key before. */
  boolean register(Object key, long timestamp) {
    LinkedHashSet<Object> keys = byTime.get(timestamp);
    boolean newTime = keys == null;
    if (newTime) {
      keys = new LinkedHashSet<>();
      byTime.put(timestamp, keys);
    }
    keys.add(key);
    return newTime;
  }

  /** Deletes a timer, if registered. */
  void delete(Object key, long timestamp) {
    LinkedHashSet<Object> keys = byTime.get(timestamp);
    if (keys != null && keys.remove(key) && keys.isEmpty()) {
      byTime.remove(timestamp);
    }
  }

  /** Removes and returns the earliest timestamp's timers if it is {@code <= time}, else null. */
  Map.Entry<Long, LinkedHashSet<Object>> pollDue(long time) {
    if (byTime.isEmpty() || byTime.firstKey() > time) {
      return null;
    }
    return byTime.pollFirstEntry();
  }

  /** Whether no timer is registered. */
  boolean isEmpty() {
    return byTime.isEmpty();
  }
}
