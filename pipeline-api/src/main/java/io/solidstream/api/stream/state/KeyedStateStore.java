package io.solidstream.api.stream.state;

/** Gives access to the keyed state of an operator for the key currently processed. */
public interface KeyedStateStore {

  /** The value state described by {@code descriptor}. */
  <T> ValueState<T> state(StateDescriptor.Value<T> descriptor);

  /** The list state described by {@code descriptor}. */
  <T> ListState<T> state(StateDescriptor.ListOf<T> descriptor);

  /** The map state described by {@code descriptor}. */
  <K, V> MapState<K, V> state(StateDescriptor.MapOf<K, V> descriptor);
}
