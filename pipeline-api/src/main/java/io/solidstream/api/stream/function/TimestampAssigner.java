package io.solidstream.api.stream.function;

import java.io.Serializable;

/**
 * Extracts the event time of a record, in milliseconds since the epoch.
 *
 * @param <T> the record type
 */
@FunctionalInterface
public interface TimestampAssigner<T> extends Serializable {

  /**
   * The event time of {@code element}; {@code recordTimestamp} is the timestamp the source gave
   * it, or {@link Long#MIN_VALUE} if none.
   */
  long extractTimestamp(T element, long recordTimestamp);
}
