package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.state.KeyedStateStore;
import io.solidstream.api.stream.state.ListState;
import io.solidstream.api.stream.state.MapState;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;

/**
 * Our state descriptors mapped to Flink keyed state of the same name (value, list, map state),
 * scoped by Flink to the current key. Values are serialized as generic types (Kryo).
 */
final class FlinkStateStore implements KeyedStateStore {
  private final RuntimeContext context;
  private final Map<String, Object> handles = new HashMap<>();

  FlinkStateStore(RuntimeContext context) {
    this.context = context;
  }

  private static <T> TypeInformation<T> typeOf(Class<T> type) {
    return new GenericTypeInfo<>(type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ValueState<T> state(StateDescriptor.Value<T> descriptor) {
    return (ValueState<T>) handles.computeIfAbsent(descriptor.name(), name -> {
      org.apache.flink.api.common.state.ValueState<T> flink =
          context.getState(new ValueStateDescriptor<>(name, typeOf(descriptor.type())));
      return new ValueState<T>() {
        @Override
        public T value() {
          try {
            return flink.value();
          } catch (Exception e) {
            throw new IllegalStateException("could not read value state '" + name + "'", e);
          }
        }

        @Override
        public void update(T value) {
          try {
            flink.update(value);
          } catch (Exception e) {
            throw new IllegalStateException("could not write value state '" + name + "'", e);
          }
        }

        @Override
        public void clear() {
          flink.clear();
        }
      };
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> ListState<T> state(StateDescriptor.ListOf<T> descriptor) {
    return (ListState<T>) handles.computeIfAbsent(descriptor.name(), name -> {
      org.apache.flink.api.common.state.ListState<T> flink =
          context.getListState(new ListStateDescriptor<>(name, typeOf(descriptor.elementType())));
      return new ListState<T>() {
        @Override
        public Iterable<T> get() {
          try {
            Iterable<T> values = flink.get();
            List<T> copy = new ArrayList<>();
            if (values != null) {
              values.forEach(copy::add);
            }
            return copy;
          } catch (Exception e) {
            throw new IllegalStateException("could not read list state '" + name + "'", e);
          }
        }

        @Override
        public void add(T value) {
          try {
            flink.add(value);
          } catch (Exception e) {
            throw new IllegalStateException("could not write list state '" + name + "'", e);
          }
        }

        @Override
        public void update(List<T> values) {
          try {
            flink.update(values);
          } catch (Exception e) {
            throw new IllegalStateException("could not write list state '" + name + "'", e);
          }
        }

        @Override
        public void clear() {
          flink.clear();
        }
      };
    });
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> MapState<K, V> state(StateDescriptor.MapOf<K, V> descriptor) {
    return (MapState<K, V>) handles.computeIfAbsent(descriptor.name(), name -> {
      org.apache.flink.api.common.state.MapState<K, V> flink = context.getMapState(
          new MapStateDescriptor<>(name, typeOf(descriptor.keyType()), typeOf(descriptor.valueType())));
      return new MapState<K, V>() {
        @Override
        public V get(K key) {
          try {
            return flink.get(key);
          } catch (Exception e) {
            throw new IllegalStateException("could not read map state '" + name + "'", e);
          }
        }

        @Override
        public void put(K key, V value) {
          try {
            flink.put(key, value);
          } catch (Exception e) {
            throw new IllegalStateException("could not write map state '" + name + "'", e);
          }
        }

        @Override
        public void remove(K key) {
          try {
            flink.remove(key);
          } catch (Exception e) {
            throw new IllegalStateException("could not write map state '" + name + "'", e);
          }
        }

        @Override
        public boolean contains(K key) {
          try {
            return flink.contains(key);
          } catch (Exception e) {
            throw new IllegalStateException("could not read map state '" + name + "'", e);
          }
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() {
          try {
            List<Map.Entry<K, V>> copy = new ArrayList<>();
            Iterable<Map.Entry<K, V>> entries = flink.entries();
            if (entries != null) {
              entries.forEach(e -> copy.add(Map.entry(e.getKey(), e.getValue())));
            }
            return copy;
          } catch (Exception e) {
            throw new IllegalStateException("could not read map state '" + name + "'", e);
          }
        }

        @Override
        public boolean isEmpty() {
          try {
            return flink.isEmpty();
          } catch (Exception e) {
            throw new IllegalStateException("could not read map state '" + name + "'", e);
          }
        }

        @Override
        public void clear() {
          flink.clear();
        }
      };
    });
  }
}
