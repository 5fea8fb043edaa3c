package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.state.KeyedStateStore;
import io.solidstream.api.stream.state.ListState;
import io.solidstream.api.stream.state.MapState;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyed state of one operator instance, in heap hash maps: per state name, a map from key to
 * value, list or map. The state objects it hands out are scoped to {@link #currentKey}, which the
 * operator sets before calling user code, and are cached per name (no allocation per record).
 */
final class KeyedState implements KeyedStateStore {
  /** The key whose state user code sees. */
  Object currentKey;

  private final String operator;
  private final Map<String, Object> states = new HashMap<>();

  KeyedState(String operator) {
    this.operator = operator;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ValueState<T> state(StateDescriptor.Value<T> descriptor) {
    return (ValueState<T>) lookup(descriptor, Value.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ListState<T> state(StateDescriptor.ListOf<T> descriptor) {
    return (ListState<T>) lookup(descriptor, ListOf.class);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> MapState<K, V> state(StateDescriptor.MapOf<K, V> descriptor) {
    return (MapState<K, V>) lookup(descriptor, MapOf.class);
  }

  private Object lookup(StateDescriptor descriptor, Class<?> kind) {
    Object state = states.get(descriptor.name());
    if (state == null) {
      state = kind == Value.class ? new Value() : kind == ListOf.class ? new ListOf() : new MapOf();
      states.put(descriptor.name(), state);
    } else if (state.getClass() != kind) {
      throw new IllegalArgumentException("state '" + descriptor.name() + "' of operator '" + operator
          + "' is used both as " + describe(state.getClass()) + " and as " + describe(kind)
          + "; give each state its own name");
    }
    return state;
  }

  private static String describe(Class<?> kind) {
    return kind == Value.class ? "value state" : kind == ListOf.class ? "list state" : "map state";
  }

  private final class Value implements ValueState<Object> {
    private final HashMap<Object, Object> values = new HashMap<>();

    @Override
    public Object value() {
      return values.get(currentKey);
    }

    @Override
    public void update(Object value) {
      if (value == null) {
        values.remove(currentKey);
      } else {
        values.put(currentKey, value);
      }
    }

    @Override
    public void clear() {
      values.remove(currentKey);
    }
  }

  private final class ListOf implements ListState<Object> {
    private final HashMap<Object, ArrayList<Object>> lists = new HashMap<>();

    @Override
    public Iterable<Object> get() {
      ArrayList<Object> list = lists.get(currentKey);
      return list == null ? List.of() : Collections.unmodifiableList(list);
    }

    @Override
    public void add(Object value) {
      lists.computeIfAbsent(currentKey, k -> new ArrayList<>()).add(value);
    }

    @Override
    public void update(List<Object> values) {
      if (values == null || values.isEmpty()) {
        lists.remove(currentKey);
      } else {
        lists.put(currentKey, new ArrayList<>(values));
      }
    }

    @Override
    public void clear() {
      lists.remove(currentKey);
    }
  }

  private final class MapOf implements MapState<Object, Object> {
    private final HashMap<Object, HashMap<Object, Object>> maps = new HashMap<>();

    @Override
    public Object get(Object key) {
      HashMap<Object, Object> map = maps.get(currentKey);
      return map == null ? null : map.get(key);
    }

    @Override
    public void put(Object key, Object value) {
      maps.computeIfAbsent(currentKey, k -> new HashMap<>()).put(key, value);
    }

    @Override
    public void remove(Object key) {
      HashMap<Object, Object> map = maps.get(currentKey);
      if (map != null) {
        map.remove(key);
        if (map.isEmpty()) {
          maps.remove(currentKey);
        }
      }
    }

    @Override
    public boolean contains(Object key) {
      HashMap<Object, Object> map = maps.get(currentKey);
      return map != null && map.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<Object, Object>> entries() {
      HashMap<Object, Object> map = maps.get(currentKey);
      return map == null ? List.of() : Collections.unmodifiableMap(map).entrySet();
    }

    @Override
    public boolean isEmpty() {
      HashMap<Object, Object> map = maps.get(currentKey);
      return map == null || map.isEmpty();
    }

    @Override
    public void clear() {
      maps.remove(currentKey);
    }
  }
}
