package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.FlatMapFunction;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.function.TimestampAssigner;
import io.solidstream.api.stream.time.WatermarkStrategy;
import java.util.HashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The stateless and the simple stateful operators. Outputs keep the input record's timestamp
 * (Flink's rule for map, filter, flatMap, process and rolling aggregations).
 */
final class BasicOperators {
  private BasicOperators() {}

  /** A collector that emits on the main output with the timestamp set before each call. */
  static final class TimestampedCollector implements Collector<Object> {
    private final StreamOperator operator;
    long timestamp = StreamOperator.NO_TIMESTAMP;

    TimestampedCollector(StreamOperator operator) {
      this.operator = operator;
    }

    @Override
    public void collect(Object record) {
      operator.emit(record, timestamp);
    }
  }

  /** The context of unkeyed process functions; reused for every record. */
  static final class ProcessContext implements ProcessFunction.Context {
    private final StreamOperator operator;
    long timestamp = StreamOperator.NO_TIMESTAMP;

    ProcessContext(StreamOperator operator) {
      this.operator = operator;
    }

    @Override
    public Long timestamp() {
      return timestamp == StreamOperator.NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    public long currentWatermark() {
      return operator.currentWatermark;
    }

    @Override
    public long currentProcessingTime() {
      return operator.task.now();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      operator.emitSide(tag.id(), value, timestamp);
    }
  }

  /** {@code map}: one output per record. */
  static final class MapOperator extends StreamOperator {
    private final Function<Object, Object> mapper;

    MapOperator(String name, Function<Object, Object> mapper) {
      super(name);
      this.mapper = mapper;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      Object result;
      try {
        result = mapper.apply(value);
      } catch (RuntimeException e) {
        throw userFailure(e);
      }
      emit(result, timestamp);
    }
  }

  /** {@code filter}: the records the predicate accepts. */
  static final class FilterOperator extends StreamOperator {
    private final Predicate<Object> predicate;

    FilterOperator(String name, Predicate<Object> predicate) {
      super(name);
      this.predicate = predicate;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      boolean keep;
      try {
        keep = predicate.test(value);
      } catch (RuntimeException e) {
        throw userFailure(e);
      }
      if (keep) {
        emit(value, timestamp);
      }
    }
  }

  /** {@code flatMap}: zero or more outputs per record. */
  static final class FlatMapOperator extends StreamOperator {
    private final FlatMapFunction<Object, Object> function;
    private final TimestampedCollector collector = new TimestampedCollector(this);

    FlatMapOperator(String name, FlatMapFunction<Object, Object> function) {
      super(name);
      this.function = function;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      collector.timestamp = timestamp;
      try {
        function.flatMap(value, collector);
      } catch (Exception e) {
        throw userFailure(e);
      }
    }
  }

  /** An unkeyed {@code process} function with timestamp, watermark and side outputs. */
  static final class ProcessOperator extends StreamOperator {
    private final ProcessFunction<Object, Object> function;
    private final TimestampedCollector collector = new TimestampedCollector(this);
    private final ProcessContext context = new ProcessContext(this);

    ProcessOperator(String name, ProcessFunction<Object, Object> function) {
      super(name);
      this.function = function;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      collector.timestamp = timestamp;
      context.timestamp = timestamp;
      try {
        function.processElement(value, context, collector);
      } catch (Exception e) {
        throw userFailure(e);
      }
    }
  }

  /** Two unkeyed inputs processed by one {@link CoProcessFunction}. */
  static final class CoProcessOperator extends StreamOperator {
    private final CoProcessFunction<Object, Object, Object> function;
    private final TimestampedCollector collector = new TimestampedCollector(this);
    private final ProcessContext context = new ProcessContext(this);

    CoProcessOperator(String name, CoProcessFunction<Object, Object, Object> function) {
      super(name);
      this.function = function;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      collector.timestamp = timestamp;
      context.timestamp = timestamp;
      try {
        if (input == 0) {
          function.processElement1(value, context, collector);
        } else {
          function.processElement2(value, context, collector);
        }
      } catch (Exception e) {
        throw userFailure(e);
      }
    }
  }

  /**
   * Forwards records unchanged: {@code keyBy} (its partitioning happens in the exchange that
   * follows it when the consumers run in parallel), {@code union} and side-output readers.
   */
  static final class ForwardOperator extends StreamOperator {
    ForwardOperator(String name) {
      super(name);
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      emit(value, timestamp);
    }
  }

  /**
   * Assigns new timestamps and watermarks mid-stream (Flink's {@code
   * assignTimestampsAndWatermarks}): upstream watermarks are swallowed, except the final
   * {@link Long#MAX_VALUE}; new ones are generated from the record timestamps like a source does
   * (every {@link SourceOperator#WATERMARK_INTERVAL} records and at the end).
   */
  static final class TimestampsOperator extends StreamOperator {
    private final WatermarkStrategy<Object> strategy;
    private final TimestampAssigner<Object> assigner;
    private long maxTimestamp = Long.MIN_VALUE;
    private long emitted = Long.MIN_VALUE;
    private int sinceWatermark;

    @SuppressWarnings("unchecked")
    TimestampsOperator(String name, WatermarkStrategy<?> strategy) {
      super(name);
      this.strategy = (WatermarkStrategy<Object>) strategy;
      this.assigner = this.strategy.timestampAssigner().orElse(null);
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      long ts = timestamp;
      if (assigner != null) {
        try {
          ts = assigner.extractTimestamp(value, timestamp);
        } catch (RuntimeException e) {
          throw userFailure(e);
        }
      }
      emit(value, ts);
      if (ts != NO_TIMESTAMP && strategy.hasEventTime()) {
        if (ts > maxTimestamp) {
          maxTimestamp = ts;
        }
        if (++sinceWatermark >= SourceOperator.WATERMARK_INTERVAL) {
          emitWatermark();
        }
      }
    }

    private void emitWatermark() {
      sinceWatermark = 0;
      long watermark = strategy.watermarkFor(maxTimestamp);
      if (watermark > emitted) {
        emitted = watermark;
        broadcast().watermark(watermark);
      }
    }

    @Override
    void forwardWatermark(long watermark) {
      if (watermark == Long.MAX_VALUE && emitted < Long.MAX_VALUE) {
        emitted = Long.MAX_VALUE;
        broadcast().watermark(watermark);
      }
    }
  }

  /** Rolling {@code reduce} per key: emits the reduced value after every record. */
  static final class RollingReduceOperator extends StreamOperator {
    private final Function<Object, Object> keySelector;
    private final ReduceFunction<Object> reducer;
    private final HashMap<Object, Object> values = new HashMap<>();

    RollingReduceOperator(String name, Function<Object, Object> keySelector, ReduceFunction<Object> reducer) {
      super(name);
      this.keySelector = keySelector;
      this.reducer = reducer;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      Object result;
      try {
        Object key = keySelector.apply(value);
        Object previous = values.get(key);
        result = previous == null ? value : reducer.reduce(previous, value);
        values.put(key, result);
      } catch (Exception e) {
        throw userFailure(e);
      }
      emit(result, timestamp);
    }
  }

  /** Rolling {@code aggregate} per key: emits the current result after every record. */
  static final class RollingAggregateOperator extends StreamOperator {
    private final Function<Object, Object> keySelector;
    private final Aggregator<Object, Object, Object> aggregator;
    private final HashMap<Object, Object> accumulators = new HashMap<>();

    RollingAggregateOperator(String name, Function<Object, Object> keySelector,
        Aggregator<Object, Object, Object> aggregator) {
      super(name);
      this.keySelector = keySelector;
      this.aggregator = aggregator;
    }

    @Override
    void processElement(int input, Object value, long timestamp) {
      Object result;
      try {
        Object key = keySelector.apply(value);
        Object accumulator = accumulators.get(key);
        if (accumulator == null) {
          accumulator = aggregator.createAccumulator();
        }
        accumulator = aggregator.add(value, accumulator);
        accumulators.put(key, accumulator);
        result = aggregator.result(accumulator);
      } catch (Exception e) {
        throw userFailure(e);
      }
      emit(result, timestamp);
    }
  }
}
