package io.solidstream.benchmarks.windowed;

import java.util.HashMap;
import java.util.Map;

/**
 * The baseline: a single-threaded, hand-written loop with one map per open window. Timestamps
 * are monotonous and the watermark follows them exactly, so one window is open at a time and it
 * is emitted as soon as an event of the next window arrives (the watermark passed its end), the
 * last one at the end of input.
 */
public final class PlainJavaEngine implements Engine {

  @Override
  public String name() {
    return "plain-java";
  }

  @Override
  public Workload.Outcome run(long events, int keys, int parallelism) {
    Map<String, long[]> counts = new HashMap<>();
    long openWindow = Long.MIN_VALUE;
    long windows = 0;
    long checksum = 0;
    for (long i = 0; i < events; i++) {
      String key = Workload.key(i, keys);
      long start = Workload.windowStart(Workload.timestamp(i));
      if (start != openWindow) {
        for (Map.Entry<String, long[]> entry : counts.entrySet()) {
          checksum += Workload.contribution(entry.getKey(), openWindow, entry.getValue()[0]);
          windows++;
        }
        counts = new HashMap<>();
        openWindow = start;
      }
      long[] count = counts.get(key);
      if (count == null) {
        counts.put(key, new long[] {1});
      } else {
        count[0]++;
      }
    }
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      checksum += Workload.contribution(entry.getKey(), openWindow, entry.getValue()[0]);
      windows++;
    }
    return new Workload.Outcome(windows, checksum);
  }
}
