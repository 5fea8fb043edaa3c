package io.solidstream.testkit;

import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Source.ScriptStep;
import io.solidstream.api.stream.io.Timestamped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Builds a scripted test source ({@link Source.Scripted}): records with explicit event timestamps,
 * interleaved with watermarks and processing-time advances, replayed in exactly this order. The
 * source emits only the watermarks written here (no periodic ones), so a test decides precisely
 * which records are late.
 *
 * <pre>{@code
 * Source<Click> clicks = TestSource.<Click>create()
 *     .add(click, 1_000)
 *     .add(other, 2_000)
 *     .watermark(5_000)                               // nothing at or before 5 000 follows...
 *     .advanceProcessingTime(Duration.ofSeconds(10))  // fires processing-time timers due by then
 *     .add(late, 500)                                 // ...except this late click
 *     .build();
 * }</pre>
 *
 * <p>Use it with an event-time watermark strategy without a timestamp assigner (e.g. {@code
 * WatermarkStrategy.forMonotonousTimestamps()}): the timestamps written here are the records'
 * timestamps. Processing time only moves by {@link #advanceProcessingTime} when the job runs with
 * manual processing time, as {@link StreamTester} does.
 *
 * <p>Not thread-safe; {@link #build()} returns an immutable snapshot and may be called again
 * after more steps were added.
 *
 * @param <T> the record type
 */
public final class TestSource<T> {
  private final List<ScriptStep<T>> steps = new ArrayList<>();
  private long lastWatermark = Long.MIN_VALUE;
  private int elements;

  private TestSource() {}

  /** An empty script: {@code TestSource.<Click>create()}. */
  public static <T> TestSource<T> create() {
    return new TestSource<>();
  }

  /** An empty script of records of {@code type} (reads better than a type witness). */
  public static <T> TestSource<T> of(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return new TestSource<>();
  }

  /** Emits {@code value} with event timestamp {@code timestamp} (ms since the epoch). */
  public TestSource<T> add(T value, long timestamp) {
    if (value == null) {
      throw new IllegalArgumentException("element " + (elements + 1) + " at " + timestamp
          + " is null; stream records must not be null");
    }
    steps.add(new ScriptStep.Element<>(value, timestamp));
    elements++;
    return this;
  }

  /** Emits {@code value} with event timestamp {@code timestamp}. */
  public TestSource<T> add(T value, Instant timestamp) {
    return add(value, Objects.requireNonNull(timestamp, "timestamp").toEpochMilli());
  }

  /** Emits each record with its timestamp, in order. */
  public TestSource<T> addAll(Collection<Timestamped<T>> records) {
    Objects.requireNonNull(records, "records");
    for (Timestamped<T> record : records) {
      add(record.value(), record.timestamp());
    }
    return this;
  }

  /** Emits each record, in order, with the timestamp {@code timestamp} reads from it. */
  public TestSource<T> addAll(Collection<? extends T> records, ToLongFunction<? super T> timestamp) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(timestamp, "timestamp");
    for (T record : records) {
      if (record == null) {
        throw new IllegalArgumentException("element " + (elements + 1) + " is null; stream records must not be null");
      }
      add(record, timestamp.applyAsLong(record));
    }
    return this;
  }

  /** Emits all {@code values} with the same timestamp, in order. */
  @SafeVarargs
  public final TestSource<T> addAll(long timestamp, T... values) {
    Objects.requireNonNull(values, "values");
    for (T value : values) {
      add(value, timestamp);
    }
    return this;
  }

  /**
   * Emits the watermark {@code timestamp}: a promise that no record at or before it follows, so
   * event-time windows and timers up to it fire, and later records at or before it are late.
   *
   * @throws IllegalArgumentException if it is below an earlier watermark of this source
   *     (watermarks only move forward); repeating the same watermark is allowed and does nothing
   */
  public TestSource<T> watermark(long timestamp) {
    if (timestamp < lastWatermark) {
      throw new IllegalArgumentException("watermark " + timestamp + " is below the earlier watermark "
          + lastWatermark + "; watermarks only move forward (to test late data, add a record with an old"
          + " timestamp instead)");
    }
    lastWatermark = timestamp;
    steps.add(new ScriptStep.Watermark<>(timestamp));
    return this;
  }

  /** Emits the watermark {@code timestamp}. */
  public TestSource<T> watermark(Instant timestamp) {
    return watermark(Objects.requireNonNull(timestamp, "timestamp").toEpochMilli());
  }

  /**
   * Advances the manual processing-time clock by {@code duration}, firing the processing-time
   * timers and windows that are due by then.
   *
   * @throws IllegalArgumentException if {@code duration} is negative (the clock never goes back)
   */
  public TestSource<T> advanceProcessingTime(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot advance processing time by " + duration
          + ": the advance must not be negative (the clock never goes back)");
    }
    return advanceProcessingTime(duration.toMillis());
  }

  /** Advances the manual processing-time clock by {@code millis} (not negative). */
  public TestSource<T> advanceProcessingTime(long millis) {
    if (millis < 0) {
      throw new IllegalArgumentException("cannot advance processing time by " + millis
          + " ms: the advance must not be negative (the clock never goes back)");
    }
    steps.add(new ScriptStep.AdvanceProcessingTime<>(millis));
    return this;
  }

  /** The steps so far, in order. */
  public List<ScriptStep<T>> steps() {
    return List.copyOf(steps);
  }

  /** The scripted source: an immutable snapshot of the steps so far. */
  public Source.Scripted<T> build() {
    return new Source.Scripted<>(steps);
  }

  @Override
  public String toString() {
    return "TestSource{" + steps.size() + " steps, " + elements + " elements}";
  }
}
