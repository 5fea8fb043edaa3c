package io.solidstream.conformance.stream;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A test record: a key, an event time and a value.
 *
 * @param key the key
 * @param time event time in ms
 * @param value a value
 */
public record Event(String key, long time, long value) implements Serializable {

  /** An event. */
  public static Event of(String key, long time, long value) {
    return new Event(key, time, value);
  }

  /**
   * {@code count} events over 10 keys, about 100 ms apart and at most 2 s out of order, so that
   * with a 2 s out-of-orderness bound none is ever late, whenever watermarks are generated.
   */
  public static List<Event> outOfOrder(int count, long seed) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long time = i * 100L + random.nextInt(2000);
      events.add(of("k" + random.nextInt(10), time, random.nextInt(100)));
    }
    return events;
  }

  /** {@code count} events in time order over 5 keys, {@code step} ms apart on average; value = index. */
  public static List<Event> ordered(int count, long seed, int step) {
    Random random = new Random(seed);
    List<Event> events = new ArrayList<>();
    long time = 0;
    for (int i = 0; i < count; i++) {
      time += random.nextInt(2 * step);
      events.add(of("k" + random.nextInt(5), time, i));
    }
    return events;
  }
}
