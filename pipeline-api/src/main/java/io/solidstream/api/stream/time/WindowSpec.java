package io.solidstream.api.stream.time;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How records are assigned to windows: tumbling, sliding or session windows, on event time or
 * processing time. Pure data, so every runtime can implement it.
 *
 * <pre>{@code
 * keyed.window(WindowSpec.tumbling(Duration.ofMinutes(1)))            // event time
 * keyed.window(WindowSpec.sliding(Duration.ofMinutes(10), Duration.ofMinutes(1)))
 * keyed.window(WindowSpec.session(Duration.ofMinutes(30)))            // merging windows
 * keyed.window(WindowSpec.tumbling(Duration.ofSeconds(5)).onProcessingTime())
 * }</pre>
 *
 * <p>Windows are aligned to the epoch plus {@link #offset()}, as in Flink.
 *
 * @param kind tumbling, sliding or session
 * @param domain event time or processing time
 * @param size window size (tumbling, sliding), in ms
 * @param slide distance between window starts (sliding), in ms
 * @param gap inactivity gap (session), in ms
 * @param offset alignment offset (tumbling, sliding), in ms
 */
public record WindowSpec(Kind kind, TimeDomain domain, long size, long slide, long gap, long offset)
    implements Serializable {

  /** The kind of window. */
  public enum Kind {
    /** Fixed-size, non-overlapping windows. */
    TUMBLING,
    /** Fixed-size windows starting every {@code slide}; a record belongs to {@code size/slide} windows. */
    SLIDING,
    /** Windows that grow while records arrive less than {@code gap} apart; they merge. */
    SESSION
  }

  /** Validates the parameters. */
  public WindowSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(domain, "domain");
    switch (kind) {
      case TUMBLING -> require(size > 0, "the size of a tumbling window must be positive, was " + size + " ms");
      case SLIDING -> {
        require(size > 0, "the size of a sliding window must be positive, was " + size + " ms");
        require(slide > 0, "the slide of a sliding window must be positive, was " + slide + " ms");
      }
      case SESSION -> require(gap > 0, "the gap of a session window must be positive, was " + gap + " ms");
    }
    require(offset >= 0 && (kind == Kind.SESSION || offset < (kind == Kind.SLIDING ? slide : size)),
        "the offset must be at least 0 and smaller than the " + (kind == Kind.SLIDING ? "slide" : "size")
            + ", was " + offset + " ms");
  }

  /** Tumbling event-time windows of {@code size}. */
  public static WindowSpec tumbling(Duration size) {
    return new WindowSpec(Kind.TUMBLING, TimeDomain.EVENT_TIME, size.toMillis(), 0, 0, 0);
  }

  /** Sliding event-time windows of {@code size}, one starting every {@code slide}. */
  public static WindowSpec sliding(Duration size, Duration slide) {
    return new WindowSpec(Kind.SLIDING, TimeDomain.EVENT_TIME, size.toMillis(), slide.toMillis(), 0, 0);
  }

  /** Event-time session windows closed by {@code gap} of inactivity. */
  public static WindowSpec session(Duration gap) {
    return new WindowSpec(Kind.SESSION, TimeDomain.EVENT_TIME, 0, 0, gap.toMillis(), 0);
  }

  /** A copy on processing time. */
  public WindowSpec onProcessingTime() {
    return new WindowSpec(kind, TimeDomain.PROCESSING_TIME, size, slide, gap, offset);
  }

  /** A copy on event time. */
  public WindowSpec onEventTime() {
    return new WindowSpec(kind, TimeDomain.EVENT_TIME, size, slide, gap, offset);
  }

  /** A copy aligned to the epoch plus {@code offset}. */
  public WindowSpec withOffset(Duration offset) {
    return new WindowSpec(kind, domain, size, slide, gap, offset.toMillis());
  }

  /** Whether windows of this kind merge (sessions). */
  public boolean isMerging() {
    return kind == Kind.SESSION;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Invalid window: " + message);
    }
  }

  @Override
  public String toString() {
    String time = domain == TimeDomain.EVENT_TIME ? "event-time" : "processing-time";
    return switch (kind) {
      case TUMBLING -> "tumbling " + time + " windows of " + size + " ms";
      case SLIDING -> "sliding " + time + " windows of " + size + " ms every " + slide + " ms";
      case SESSION -> time + " session windows with gap " + gap + " ms";
    };
  }
}
