package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.KeyedCoProcessFunction;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.state.ListState;
import io.solidstream.api.stream.state.MapState;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.TimerService;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.function.Function;

/**
 * A keyed process function ({@code KeyedProcess}, one input) or a keyed co-process function
 * ({@code KeyedCoProcess}, two inputs sharing state and timers), with Flink's semantics:
 *
 * <ul>
 *   <li>state and timers are scoped to the key of the record or timer being processed;
 *   <li>timers are deduplicated per key and timestamp; event-time timers fire when the watermark
 *       reaches them, processing-time timers when the clock does, in timestamp order;
 *   <li>records emitted in {@code onTimer} of an event-time timer carry the timer's timestamp;
 *       those emitted for a processing-time timer carry none (Flink erases it); {@code
 *       ctx.timestamp()} in {@code onTimer} is the timer's timestamp in both cases;
 *   <li>processing-time timers still pending when a bounded job ends do not fire.
 * </ul>
 */
final class KeyedProcessOperator extends StreamOperator {
  private final Function<Object, Object>[] keySelectors;
  private final KeyedProcessFunction<Object, Object, Object> single;
  private final KeyedCoProcessFunction<Object, Object, Object, Object> co;
  private final KeyedState state;
  private final KeyedTimers eventTimers = new KeyedTimers();
  private final KeyedTimers processingTimers = new KeyedTimers();
  private final BasicOperators.TimestampedCollector collector = new BasicOperators.TimestampedCollector(this);
  private final Context context = new Context();

  /** A one-input keyed process operator. */
  @SuppressWarnings("unchecked")
  KeyedProcessOperator(String name, Function<Object, Object> keySelector,
      KeyedProcessFunction<Object, Object, Object> function) {
    super(name);
    this.keySelectors = new Function[] {keySelector};
    this.single = function;
    this.co = null;
    this.state = new KeyedState(name);
  }

  /** A two-input keyed co-process operator. */
  @SuppressWarnings("unchecked")
  KeyedProcessOperator(String name, Function<Object, Object> firstKey, Function<Object, Object> secondKey,
      KeyedCoProcessFunction<Object, Object, Object, Object> function) {
    super(name);
    this.keySelectors = new Function[] {firstKey, secondKey};
    this.single = null;
    this.co = function;
    this.state = new KeyedState(name);
  }

  @Override
  void processElement(int input, Object value, long timestamp) {
    try {
      Object key = keySelectors[input].apply(value);
      state.currentKey = key;
      context.timestamp = timestamp;
      context.domain = null;
      collector.timestamp = timestamp;
      if (single != null) {
        single.processElement(value, context, collector);
      } else if (input == 0) {
        co.processElement1(value, context, collector);
      } else {
        co.processElement2(value, context, collector);
      }
    } catch (Exception e) {
      throw userFailure(e);
    }
  }

  @Override
  void onWatermark(long watermark) {
    fire(eventTimers, watermark, TimeDomain.EVENT_TIME);
  }

  @Override
  void onProcessingTime(long now) {
    fire(processingTimers, now, TimeDomain.PROCESSING_TIME);
  }

  private void fire(KeyedTimers timers, long upTo, TimeDomain domain) {
    Map.Entry<Long, LinkedHashSet<Object>> due;
    while ((due = timers.pollDue(upTo)) != null) {
      long time = due.getKey();
      for (Object key : due.getValue()) {
        state.currentKey = key;
        context.timestamp = time;
        context.domain = domain;
        collector.timestamp = domain == TimeDomain.EVENT_TIME ? time : NO_TIMESTAMP;
        try {
          if (single != null) {
            single.onTimer(time, context, collector);
          } else {
            co.onTimer(time, context, collector);
          }
        } catch (Exception e) {
          throw userFailure(e);
        }
      }
    }
  }

  /** The context user code sees; one instance, updated per record and timer. */
  private final class Context implements KeyedProcessFunction.TimerContext<Object>, TimerService {
    long timestamp;
    TimeDomain domain;

    @Override
    public Long timestamp() {
      return timestamp == NO_TIMESTAMP ? null : timestamp;
    }

    @Override
    public Object currentKey() {
      return state.currentKey;
    }

    @Override
    public TimerService timers() {
      return this;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      emitSide(tag.id(), value, collector.timestamp);
    }

    @Override
    public TimeDomain timeDomain() {
      if (domain == null) {
        throw new IllegalStateException("timeDomain() is only known in onTimer");
      }
      return domain;
    }

    @Override
    public <T> ValueState<T> state(StateDescriptor.Value<T> descriptor) {
      return state.state(descriptor);
    }

    @Override
    public <T> ListState<T> state(StateDescriptor.ListOf<T> descriptor) {
      return state.state(descriptor);
    }

    @Override
    public <K, V> MapState<K, V> state(StateDescriptor.MapOf<K, V> descriptor) {
      return state.state(descriptor);
    }

    @Override
    public long currentProcessingTime() {
      return task.now();
    }

    @Override
    public long currentWatermark() {
      return currentWatermark;
    }

    @Override
    public void registerEventTimeTimer(long time) {
      eventTimers.register(state.currentKey, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
      if (processingTimers.register(state.currentKey, time)) {
        task.scheduleProcessingTime(time, KeyedProcessOperator.this);
      }
    }

    @Override
    public void deleteEventTimeTimer(long time) {
      eventTimers.delete(state.currentKey, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
      processingTimers.delete(state.currentKey, time);
    }
  }
}
