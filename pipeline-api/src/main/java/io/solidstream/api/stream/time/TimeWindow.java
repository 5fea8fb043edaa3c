package io.solidstream.api.stream.time;

import java.io.Serializable;

/**
 * A time window {@code [start, end)} in milliseconds, as in Flink: it holds timestamps
 * {@code start <= t < end} and fires when the watermark reaches {@link #maxTimestamp()}.
 *
 * @param start inclusive start
 * @param end exclusive end
 */
public record TimeWindow(long start, long end) implements Serializable, Comparable<TimeWindow> {

  /** Validates {@code start < end}. */
  public TimeWindow {
    if (start >= end) {
      throw new IllegalArgumentException("A window must end after it starts: [" + start + ", " + end + ")");
    }
  }

  /** The largest timestamp in the window, {@code end - 1}. */
  public long maxTimestamp() {
    return end - 1;
  }

  /** Whether the two windows overlap or touch (for session merging, Flink's rule). */
  public boolean intersects(TimeWindow other) {
    return start <= other.end && end >= other.start;
  }

  /** The smallest window covering both. */
  public TimeWindow cover(TimeWindow other) {
    return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
  }

  /**
   * The start of the window of size {@code size} containing {@code timestamp}, for windows aligned
   * to the epoch plus {@code offset} (Flink's {@code TimeWindow.getWindowStartWithOffset}).
   */
  public static long startOf(long timestamp, long offset, long size) {
    long remainder = (timestamp - offset) % size;
    return remainder < 0 ? timestamp - (remainder + size) : timestamp - remainder;
  }

  @Override
  public int compareTo(TimeWindow other) {
    int byStart = Long.compare(start, other.start);
    return byStart != 0 ? byStart : Long.compare(end, other.end);
  }

  @Override
  public String toString() {
    return "[" + start + ", " + end + ")";
  }
}
