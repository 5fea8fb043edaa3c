package io.solidstream.api.stream.time;

/**
 * Time and timers of a keyed operator. Timers are per key and per timestamp (registering the same
 * timestamp twice fires once); an event-time timer fires when the watermark reaches its
 * timestamp, a processing-time timer when the clock does.
 */
public interface TimerService {

  /** The current processing time in ms. */
  long currentProcessingTime();

  /** The operator's current watermark ({@link Long#MIN_VALUE} before the first). */
  long currentWatermark();

  /** Fires {@code onTimer} for the current key when the watermark reaches {@code timestamp}. */
  void registerEventTimeTimer(long timestamp);

  /** Fires {@code onTimer} for the current key when processing time reaches {@code timestamp}. */
  void registerProcessingTimeTimer(long timestamp);

  /** Removes an event-time timer of the current key. */
  void deleteEventTimeTimer(long timestamp);

  /** Removes a processing-time timer of the current key. */
  void deleteProcessingTimeTimer(long timestamp);
}
