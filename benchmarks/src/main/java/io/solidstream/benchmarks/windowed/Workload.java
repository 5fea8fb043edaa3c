package io.solidstream.benchmarks.windowed;

/**
 * The {@code windowed-count} workload of {@code shared/bench/WORKLOAD.md}: deterministic events,
 * 60-second tumbling windows aligned to the epoch, and the order-independent checksum of the
 * outputs. Every engine uses these definitions, so their checksums must agree.
 */
public final class Workload {
  /** Window size: 60 s of event time. */
  public static final long WINDOW_MILLIS = 60_000L;

  private Workload() {}

  /** SplitMix64 of {@code i} with seed 0, Java {@code long} arithmetic. */
  public static long mix(long i) {
    long z = (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The key of event {@code i}: {@code "k" + (mix(i) mod keys)} (unsigned), built once per event. */
  public static String key(long i, int keys) {
    return "k" + Long.remainderUnsigned(mix(i), keys);
  }

  /** The event time of event {@code i}: {@code i * 10} ms (100 events per second). */
  public static long timestamp(long i) {
    return i * 10;
  }

  /** The start of the window containing {@code timestamp}. */
  public static long windowStart(long timestamp) {
    return timestamp - timestamp % WINDOW_MILLIS;
  }

  /** The checksum contribution of one output {@code (key, windowStart, count)}. */
  public static long contribution(String key, long windowStart, long count) {
    return key.hashCode() * 31L + windowStart + count;
  }

  /** One event of the workload. */
  public record Event(String key, long timestamp) implements java.io.Serializable {
    /** Event {@code i} for {@code keys} keys. */
    public static Event of(long i, int keys) {
      return new Event(Workload.key(i, keys), Workload.timestamp(i));
    }
  }

  /** One output: the count of a key in a window. */
  public record WindowCount(String key, long windowStart, long count) implements java.io.Serializable {
    /** This output's checksum contribution. */
    public long contribution() {
      return Workload.contribution(key, windowStart, count);
    }
  }

  /**
   * What an engine computed.
   *
   * @param windows the number of outputs
   * @param checksum the wrapping sum of the outputs' contributions
   */
  public record Outcome(long windows, long checksum) implements java.io.Serializable {}
}
