package io.solidstream.runtime.local.stream;

import java.io.Serializable;

/** A test record: a key, an event time and a value. */
record Event(String key, long time, long value) implements Serializable {
  static Event of(String key, long time, long value) {
    return new Event(key, time, value);
  }
}
