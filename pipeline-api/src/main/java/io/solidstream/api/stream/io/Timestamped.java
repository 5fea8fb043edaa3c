package io.solidstream.api.stream.io;

import java.io.Serializable;

/**
 * A record with an event timestamp attached by its source.
 *
 * @param value the record
 * @param timestamp event time in ms since the epoch
 * @param <T> the record type
 */
public record Timestamped<T>(T value, long timestamp) implements Serializable {
  /** A record at {@code timestamp}. */
  public static <T> Timestamped<T> of(T value, long timestamp) {
    return new Timestamped<>(value, timestamp);
  }
}
