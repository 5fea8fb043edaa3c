package io.solidstream.api.stream.time;

import io.solidstream.api.stream.function.TimestampAssigner;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source assigns event timestamps and generates watermarks, with Flink's semantics: a
 * watermark {@code W} asserts that no record with timestamp {@code <= W} will follow.
 *
 * <ul>
 *   <li>{@link #forMonotonousTimestamps()}: watermark = highest timestamp seen − 1;
 *   <li>{@link #forBoundedOutOfOrderness(Duration)}: watermark = highest timestamp seen − bound − 1;
 *   <li>{@link #noWatermarks()}: no event time (processing-time programs).
 * </ul>
 *
 * <p>{@link #withIdleness(Duration)} marks a source split idle when it has produced nothing for
 * that long (processing time), so it does not hold back the watermark of downstream operators.
 *
 * <pre>{@code
 * WatermarkStrategy.<Click>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *     .withTimestampAssigner((click, ts) -> click.epochMillis())
 * }</pre>
 *
 * @param <T> the record type
 */
public final class WatermarkStrategy<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How watermarks follow the timestamps. */
  public enum Kind {
    /** No watermarks at all. */
    NONE,
    /** Timestamps never decrease. */
    MONOTONOUS,
    /** Timestamps are at most a bound out of order. */
    BOUNDED_OUT_OF_ORDERNESS
  }

  private final Kind kind;
  private final long maxOutOfOrdernessMillis;
  private final TimestampAssigner<T> timestampAssigner;
  private final long idlenessMillis;

  private WatermarkStrategy(Kind kind, long maxOutOfOrderness, TimestampAssigner<T> assigner, long idleness) {
    this.kind = kind;
    this.maxOutOfOrdernessMillis = maxOutOfOrderness;
    this.timestampAssigner = assigner;
    this.idlenessMillis = idleness;
  }

  /** Watermarks for timestamps that never decrease. */
  public static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
    return new WatermarkStrategy<>(Kind.MONOTONOUS, 0, null, 0);
  }

  /** Watermarks that trail the highest timestamp seen by {@code maxOutOfOrderness}. */
  public static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
    long bound = maxOutOfOrderness.toMillis();
    if (bound < 0) {
      throw new IllegalArgumentException("maxOutOfOrderness must not be negative, was " + maxOutOfOrderness);
    }
    return new WatermarkStrategy<>(Kind.BOUNDED_OUT_OF_ORDERNESS, bound, null, 0);
  }

  /** No event time: only processing-time operations may follow. */
  public static <T> WatermarkStrategy<T> noWatermarks() {
    return new WatermarkStrategy<>(Kind.NONE, 0, null, 0);
  }

  /**
   * A copy that reads timestamps from the records. Without an assigner, the timestamps the source
   * attaches are used (e.g. {@code Sources.timestamped(...)}).
   */
  public WatermarkStrategy<T> withTimestampAssigner(TimestampAssigner<T> assigner) {
    return new WatermarkStrategy<>(kind, maxOutOfOrdernessMillis, Objects.requireNonNull(assigner, "assigner"),
        idlenessMillis);
  }

  /** A copy that marks the source idle after {@code timeout} without records. */
  public WatermarkStrategy<T> withIdleness(Duration timeout) {
    long millis = timeout.toMillis();
    if (millis <= 0) {
      throw new IllegalArgumentException("idleness timeout must be positive, was " + timeout);
    }
    return new WatermarkStrategy<>(kind, maxOutOfOrdernessMillis, timestampAssigner, millis);
  }

  public Kind kind() {
    return kind;
  }

  /** The out-of-orderness bound in ms (0 unless bounded). */
  public long maxOutOfOrdernessMillis() {
    return maxOutOfOrdernessMillis;
  }

  /** The timestamp assigner, if one was set. */
  public Optional<TimestampAssigner<T>> timestampAssigner() {
    return Optional.ofNullable(timestampAssigner);
  }

  /** The idleness timeout in ms, or 0 if the source is never marked idle. */
  public long idlenessMillis() {
    return idlenessMillis;
  }

  /** Whether this strategy provides event time. */
  public boolean hasEventTime() {
    return kind != Kind.NONE;
  }

  /** The watermark for the highest timestamp seen so far (Flink's generators' formula). */
  public long watermarkFor(long maxTimestamp) {
    return switch (kind) {
      case NONE -> Long.MIN_VALUE;
      case MONOTONOUS -> maxTimestamp == Long.MIN_VALUE ? Long.MIN_VALUE : maxTimestamp - 1;
      case BOUNDED_OUT_OF_ORDERNESS -> maxTimestamp == Long.MIN_VALUE
          ? Long.MIN_VALUE : maxTimestamp - maxOutOfOrdernessMillis - 1;
    };
  }

  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "no watermarks";
      case MONOTONOUS -> "monotonous timestamps";
      case BOUNDED_OUT_OF_ORDERNESS -> "bounded out-of-orderness of " + maxOutOfOrdernessMillis + " ms";
    } + (idlenessMillis > 0 ? ", idle after " + idlenessMillis + " ms" : "");
  }
}
