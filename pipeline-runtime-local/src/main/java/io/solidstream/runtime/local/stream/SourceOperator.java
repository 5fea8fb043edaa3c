package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.function.TimestampAssigner;
import io.solidstream.api.stream.time.WatermarkStrategy;

/**
 * A source instance: reads records with its {@link SourceReaders.Reader}, assigns timestamps and
 * generates watermarks per the {@link WatermarkStrategy}, and tracks idleness.
 *
 * <p>Timestamps: the strategy's assigner if set (it sees the source's timestamp, or {@link
 * Long#MIN_VALUE} if none), else the source's own (timestamped collections, scripted sources).
 *
 * <p>Watermarks: {@code strategy.watermarkFor(maxTimestamp)}, emitted periodically as in Flink,
 * where the period is {@link #WATERMARK_INTERVAL} records (not 200 ms) and whenever the source
 * pauses (a rate-limited generator waiting for its next record); only advancing watermarks are
 * emitted. A scripted source emits exactly its {@code Watermark} steps instead, so tests control
 * lateness. When the source ends it emits the final watermark {@link Long#MAX_VALUE}, then the end.
 *
 * <p>Idleness: with {@code withIdleness(timeout)}, a source that has produced nothing for the
 * timeout (processing time) is marked idle, so it does not hold back downstream watermarks, and
 * active again with its next record.
 */
final class SourceOperator extends StreamOperator {
  /** Records between two periodic watermarks. */
  static final int WATERMARK_INTERVAL = 200;

  private final SourceReaders.Reader reader;
  private final WatermarkStrategy<Object> strategy;
  private final TimestampAssigner<Object> assigner;
  private final boolean periodicWatermarks;
  private final long idleness;
  private long maxTimestamp = Long.MIN_VALUE;
  private long emittedWatermark = Long.MIN_VALUE;
  private int sinceWatermark;
  private boolean idle;
  private long lastActive = Long.MIN_VALUE;
  private boolean activeSinceCheck;
  private boolean finished;

  @SuppressWarnings("unchecked")
  SourceOperator(String name, SourceReaders.Reader reader, WatermarkStrategy<?> strategy) {
    super(name);
    this.reader = reader;
    this.strategy = (WatermarkStrategy<Object>) strategy;
    this.assigner = this.strategy.timestampAssigner().orElse(null);
    this.periodicWatermarks = strategy.hasEventTime() && !reader.explicitWatermarks();
    this.idleness = strategy.idlenessMillis();
  }

  @Override
  void open() throws Exception {
    reader.open(this);
  }

  @Override
  void processElement(int input, Object value, long timestamp) {
    throw new IllegalStateException("source '" + name + "' has no inputs");
  }

  /** Called by the reader for each record; {@code sourceTimestamp} is {@link #NO_TIMESTAMP} if none. */
  void collect(Object value, long sourceTimestamp) {
    countIn();
    if (idle) {
      idle = false;
      broadcast().idle(false);
    }
    activeSinceCheck = true;
    long timestamp = sourceTimestamp;
    if (assigner != null) {
      try {
        timestamp = assigner.extractTimestamp(value, sourceTimestamp);
      } catch (RuntimeException e) {
        throw userFailure(e);
      }
    }
    emit(value, timestamp);
    if (periodicWatermarks && timestamp != NO_TIMESTAMP) {
      if (timestamp > maxTimestamp) {
        maxTimestamp = timestamp;
      }
      if (++sinceWatermark >= WATERMARK_INTERVAL) {
        periodicWatermark();
      }
    }
  }

  /** Emits a scripted watermark. */
  void explicitWatermark(long watermark) {
    if (idle) {
      idle = false;
      broadcast().idle(false);
    }
    activeSinceCheck = true;
    if (watermark > emittedWatermark) {
      emittedWatermark = watermark;
      broadcast().watermark(watermark);
    }
  }

  private void periodicWatermark() {
    sinceWatermark = 0;
    long watermark = strategy.watermarkFor(maxTimestamp);
    if (watermark > emittedWatermark) {
      emittedWatermark = watermark;
      broadcast().watermark(watermark);
    }
  }

  /**
   * Reads up to {@code max} records (or steps); at the end emits the final watermark and ends.
   *
   * @return whether the source has more
   */
  boolean poll(int max) throws Exception {
    if (finished) {
      return false;
    }
    if (reader.poll(max)) {
      return true;
    }
    finished = true;
    emittedWatermark = Long.MAX_VALUE;
    broadcast().watermark(Long.MAX_VALUE);
    broadcast().end();
    return false;
  }

  /** Nanoseconds until the next record is ready (rate limit), 0 if now. */
  long waitNanos() {
    return reader.waitNanos();
  }

  /** The source has nothing to emit for a while: emit the pending periodic watermark. */
  void pause() {
    if (periodicWatermarks && !finished) {
      periodicWatermark();
    }
  }

  /** Marks the source idle if it produced nothing for the idleness timeout. */
  void checkIdle(long now) {
    if (idleness <= 0 || finished) {
      return;
    }
    if (activeSinceCheck || lastActive == Long.MIN_VALUE) {
      activeSinceCheck = false;
      lastActive = now;
    } else if (!idle && now - lastActive >= idleness) {
      pause();
      idle = true;
      broadcast().idle(true);
    }
  }

  /** The idleness timeout in ms, 0 if none. */
  long idleness() {
    return idleness;
  }

  @Override
  void close() throws Exception {
    reader.close();
  }
}
