package io.solidstream.runtime.flink.stream;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.function.SerializablePredicate;
import io.solidstream.api.solid.UserCodeException;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.Collector;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import io.solidstream.api.stream.io.GeneratorFunction;
import io.solidstream.api.stream.state.ListState;
import io.solidstream.api.stream.state.MapState;
import io.solidstream.api.stream.state.StateDescriptor;
import io.solidstream.api.stream.state.ValueState;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.TimeWindow;
import io.solidstream.api.stream.time.TimerService;
import java.io.Serializable;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.JoinFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.ReduceFunction;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.co.CoProcessFunction;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.functions.co.ProcessJoinFunction;
import org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction;

/**
 * Flink functions wrapping our user functions: they count records into accumulators ({@code
 * <operator>#in}, {@code <operator>#out}) and turn an exception of user code into a {@link
 * UserCodeException} naming the operator, while a failure downstream (thrown through our
 * collector) passes through unchanged, so it is blamed on the operator that really failed.
 */
final class Functions {
  /**
   * Records of a type the translation cannot tell, serialized as generic types (Kryo); streams
   * whose type it can tell use Flink's serializer for it ({@link RecordTypes}).
   */
  static final TypeInformation<Object> ANY = new GenericTypeInfo<>(Object.class);
  static final String IN = "#in";
  static final String OUT = "#out";
  static final String LATE = "#late";

  private Functions() {}

  /** A failure downstream of the operator whose collector it passed through. */
  static final class Downstream extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Downstream(RuntimeException cause) {
      super(cause);
    }
  }

  /** User code that returns a value and may throw. */
  interface UserCall<T> {
    T call() throws Exception;
  }

  /** User code that may throw. */
  interface UserRun {
    void run() throws Exception;
  }

  /** Calls user code of {@code operator}; an exception fails the job naming the operator. */
  static <T> T callUser(String operator, UserCall<T> code) {
    try {
      return code.call();
    } catch (Exception e) {
      throw failure(operator, e);
    }
  }

  /** Runs user code of {@code operator}; an exception fails the job naming the operator. */
  static void runUser(String operator, UserRun code) {
    try {
      code.run();
    } catch (Exception e) {
      throw failure(operator, e);
    }
  }

  static RuntimeException failure(String operator, Throwable e) {
    if (e instanceof Downstream d) {
      return (RuntimeException) d.getCause();
    }
    if (e instanceof UserCodeException u) {
      return u;
    }
    return UserCodeException.inOperator(operator, e);
  }

  static Long timestamp(Long flinkTimestamp) {
    return flinkTimestamp == null || flinkTimestamp == Long.MIN_VALUE ? null : flinkTimestamp;
  }

  static org.apache.flink.util.OutputTag<Object> tag(OutputTag<?> tag) {
    return new org.apache.flink.util.OutputTag<>(tag.id(), ANY);
  }

  static TimeWindow window(org.apache.flink.streaming.api.windowing.windows.TimeWindow w) {
    return new TimeWindow(w.getStart(), w.getEnd());
  }

  /** The in/out counters of one operator instance. */
  static final class Counters implements Serializable {
    private static final long serialVersionUID = 1L;
    final String operator;
    transient LongCounter in;
    transient LongCounter out;

    Counters(String operator) {
      this.operator = operator;
    }

    void open(RuntimeContext context) {
      in = new LongCounter();
      out = new LongCounter();
      context.addAccumulator(operator + IN, in);
      context.addAccumulator(operator + OUT, out);
    }
  }

  /** Our collector onto Flink's: counts, and marks failures thrown back as downstream ones. */
  static final class Out implements Collector<Object> {
    private final Counters counters;
    org.apache.flink.util.Collector<Object> target;

    Out(Counters counters) {
      this.counters = counters;
    }

    Out to(org.apache.flink.util.Collector<Object> target) {
      this.target = target;
      return this;
    }

    @Override
    public void collect(Object record) {
      counters.out.add(1);
      try {
        target.collect(record);
      } catch (RuntimeException e) {
        throw new Downstream(e);
      }
    }
  }

  /** Emits side outputs through a Flink context, with the tag translated. */
  interface SideOutputs {
    void output(org.apache.flink.util.OutputTag<Object> tag, Object value);
  }

  /**
   * Passes records through, adding them to one counter of an operator that cannot count itself:
   * the records in of a window or join (counted before its key partitioning), the records out of
   * a window join.
   */
  static final class CountOne extends RichMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String accumulator;
    private transient LongCounter counter;

    CountOne(String operator, String suffix) {
      this.accumulator = operator + suffix;
    }

    @Override
    public void open(OpenContext openContext) {
      counter = new LongCounter();
      getRuntimeContext().addAccumulator(accumulator, counter);
    }

    @Override
    public Object map(Object value) {
      counter.add(1);
      return value;
    }
  }

  /** Passes records through unchanged (to change the type a stream's records are serialized with). */
  static final class Identity implements org.apache.flink.api.common.functions.MapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object map(Object value) {
      return value;
    }
  }

  /** Passes records through, counting them: the counter of sources and sinks. */
  static final class Count extends RichMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;

    Count(String operator) {
      this.counters = new Counters(operator);
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
    }

    @Override
    public Object map(Object value) {
      counters.in.add(1);
      counters.out.add(1);
      return value;
    }
  }

  static final class Map extends RichMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final SerializableFunction<Object, Object> fn;

    @SuppressWarnings("unchecked")
    Map(String operator, SerializableFunction<?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (SerializableFunction<Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
    }

    @Override
    public Object map(Object value) {
      counters.in.add(1);
      Object result = callUser(counters.operator, () -> fn.apply(value));
      if (result == null) {
        throw UserCodeException.inOperator(counters.operator,
            new NullPointerException("the map function returned null; stream records must not be null"));
      }
      counters.out.add(1);
      return result;
    }
  }

  static final class Filter extends RichFilterFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final SerializablePredicate<Object> predicate;

    @SuppressWarnings("unchecked")
    Filter(String operator, SerializablePredicate<?> predicate) {
      this.counters = new Counters(operator);
      this.predicate = (SerializablePredicate<Object>) predicate;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
    }

    @Override
    public boolean filter(Object value) {
      counters.in.add(1);
      boolean keep = callUser(counters.operator, () -> predicate.test(value));
      if (keep) {
        counters.out.add(1);
      }
      return keep;
    }
  }

  static final class FlatMap extends RichFlatMapFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.FlatMapFunction<Object, Object> fn;
    private transient Out out;

    @SuppressWarnings("unchecked")
    FlatMap(String operator, io.solidstream.api.stream.function.FlatMapFunction<?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.FlatMapFunction<Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      out = new Out(counters);
    }

    @Override
    public void flatMap(Object value, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      runUser(counters.operator, () -> fn.flatMap(value, out.to(target)));
    }
  }

  static final class KeyBy implements KeySelector<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final SerializableFunction<Object, Object> fn;

    @SuppressWarnings("unchecked")
    KeyBy(String operator, SerializableFunction<?, ?> fn) {
      this.operator = operator;
      this.fn = (SerializableFunction<Object, Object>) fn;
    }

    @Override
    public Object getKey(Object value) {
      return callUser(operator, () -> fn.apply(value));
    }
  }

  static final class Timestamps implements SerializableTimestampAssigner<Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final io.solidstream.api.stream.function.TimestampAssigner<Object> assigner;

    @SuppressWarnings("unchecked")
    Timestamps(String operator, io.solidstream.api.stream.function.TimestampAssigner<?> assigner) {
      this.operator = operator;
      this.assigner = (io.solidstream.api.stream.function.TimestampAssigner<Object>) assigner;
    }

    @Override
    public long extractTimestamp(Object element, long recordTimestamp) {
      try {
        return assigner.extractTimestamp(element, recordTimestamp); // not callUser: no boxing per record
      } catch (Exception e) {
        throw failure(operator, e);
      }
    }
  }

  static final class Generator implements org.apache.flink.connector.datagen.source.GeneratorFunction<Long, Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final GeneratorFunction<Object> fn;

    @SuppressWarnings("unchecked")
    Generator(String operator, GeneratorFunction<?> fn) {
      this.operator = operator;
      this.fn = (GeneratorFunction<Object>) fn;
    }

    @Override
    public Object map(Long index) {
      return callUser(operator, () -> fn.generate(index));
    }
  }

  /** What a process function sees, over Flink's context. */
  static final class UnkeyedContext implements io.solidstream.api.stream.function.ProcessFunction.Context {
    Long timestamp;
    org.apache.flink.streaming.api.TimerService timers;
    SideOutputs sideOutputs;

    @Override
    public Long timestamp() {
      return Functions.timestamp(timestamp);
    }

    @Override
    public long currentWatermark() {
      return timers.currentWatermark();
    }

    @Override
    public long currentProcessingTime() {
      return timers.currentProcessingTime();
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      sideOutputs.output(tag(tag), value);
    }
  }

  static final class Process extends ProcessFunction<Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.ProcessFunction<Object, Object> fn;
    private transient Out out;
    private transient UnkeyedContext context;

    @SuppressWarnings("unchecked")
    Process(String operator, io.solidstream.api.stream.function.ProcessFunction<?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.ProcessFunction<Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      out = new Out(counters);
      context = new UnkeyedContext();
    }

    @Override
    public void processElement(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      context.timestamp = ctx.timestamp();
      context.timers = ctx.timerService();
      context.sideOutputs = ctx::output;
      runUser(counters.operator, () -> fn.processElement(value, context, out.to(target)));
    }
  }

  static final class CoProcess extends CoProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.CoProcessFunction<Object, Object, Object> fn;
    private transient Out out;
    private transient UnkeyedContext context;

    @SuppressWarnings("unchecked")
    CoProcess(String operator, io.solidstream.api.stream.function.CoProcessFunction<?, ?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.CoProcessFunction<Object, Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      out = new Out(counters);
      context = new UnkeyedContext();
    }

    private void bind(Context ctx) {
      context.timestamp = ctx.timestamp();
      context.timers = ctx.timerService();
      context.sideOutputs = ctx::output;
    }

    @Override
    public void processElement1(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      bind(ctx);
      runUser(counters.operator, () -> fn.processElement1(value, context, out.to(target)));
    }

    @Override
    public void processElement2(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      bind(ctx);
      runUser(counters.operator, () -> fn.processElement2(value, context, out.to(target)));
    }
  }

  /** What a keyed function sees, over Flink's context: key, keyed state, timers, side outputs. */
  static final class KeyedContext implements io.solidstream.api.stream.function.KeyedProcessFunction.TimerContext<Object> {
    private final FlinkStateStore state;
    Long timestamp;
    Object key;
    org.apache.flink.streaming.api.TimerService flinkTimers;
    SideOutputs sideOutputs;
    TimeDomain domain;
    private final TimerService timers = new TimerService() {
      @Override
      public long currentProcessingTime() {
        return flinkTimers.currentProcessingTime();
      }

      @Override
      public long currentWatermark() {
        return flinkTimers.currentWatermark();
      }

      @Override
      public void registerEventTimeTimer(long timestamp) {
        flinkTimers.registerEventTimeTimer(timestamp);
      }

      @Override
      public void registerProcessingTimeTimer(long timestamp) {
        flinkTimers.registerProcessingTimeTimer(timestamp);
      }

      @Override
      public void deleteEventTimeTimer(long timestamp) {
        flinkTimers.deleteEventTimeTimer(timestamp);
      }

      @Override
      public void deleteProcessingTimeTimer(long timestamp) {
        flinkTimers.deleteProcessingTimeTimer(timestamp);
      }
    };

    KeyedContext(RuntimeContext runtimeContext) {
      this.state = new FlinkStateStore(runtimeContext);
    }

    KeyedContext bind(Long timestamp, Object key, org.apache.flink.streaming.api.TimerService timers,
        SideOutputs sideOutputs, TimeDomain domain) {
      this.timestamp = timestamp;
      this.key = key;
      this.flinkTimers = timers;
      this.sideOutputs = sideOutputs;
      this.domain = domain;
      return this;
    }

    @Override
    public Long timestamp() {
      return Functions.timestamp(timestamp);
    }

    @Override
    public Object currentKey() {
      return key;
    }

    @Override
    public TimerService timers() {
      return timers;
    }

    @Override
    public <X> void output(OutputTag<X> tag, X value) {
      sideOutputs.output(tag(tag), value);
    }

    @Override
    public TimeDomain timeDomain() {
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
  }

  static TimeDomain domain(org.apache.flink.streaming.api.TimeDomain domain) {
    return domain == org.apache.flink.streaming.api.TimeDomain.EVENT_TIME ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
  }

  static final class KeyedProcess extends KeyedProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.KeyedProcessFunction<Object, Object, Object> fn;
    private transient Out out;
    private transient KeyedContext context;

    @SuppressWarnings("unchecked")
    KeyedProcess(String operator, io.solidstream.api.stream.function.KeyedProcessFunction<?, ?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.KeyedProcessFunction<Object, Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      out = new Out(counters);
      context = new KeyedContext(getRuntimeContext());
    }

    @Override
    public void processElement(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      context.bind(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), ctx::output, null);
      runUser(counters.operator, () -> fn.processElement(value, context, out.to(target)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, org.apache.flink.util.Collector<Object> target) {
      context.bind(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), ctx::output, domain(ctx.timeDomain()));
      runUser(counters.operator, () -> fn.onTimer(timestamp, context, out.to(target)));
    }
  }

  static final class KeyedCoProcess extends KeyedCoProcessFunction<Object, Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.KeyedCoProcessFunction<Object, Object, Object, Object> fn;
    private transient Out out;
    private transient KeyedContext context;

    @SuppressWarnings("unchecked")
    KeyedCoProcess(String operator, io.solidstream.api.stream.function.KeyedCoProcessFunction<?, ?, ?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.KeyedCoProcessFunction<Object, Object, Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      out = new Out(counters);
      context = new KeyedContext(getRuntimeContext());
    }

    @Override
    public void processElement1(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      context.bind(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), ctx::output, null);
      runUser(counters.operator, () -> fn.processElement1(value, context, out.to(target)));
    }

    @Override
    public void processElement2(Object value, Context ctx, org.apache.flink.util.Collector<Object> target) {
      counters.in.add(1);
      context.bind(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), ctx::output, null);
      runUser(counters.operator, () -> fn.processElement2(value, context, out.to(target)));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, org.apache.flink.util.Collector<Object> target) {
      context.bind(ctx.timestamp(), ctx.getCurrentKey(), ctx.timerService(), ctx::output, domain(ctx.timeDomain()));
      runUser(counters.operator, () -> fn.onTimer(timestamp, context, out.to(target)));
    }
  }

  /** Rolling reduce per key: the reduced value in keyed state, emitted after each record. */
  static final class RollingReduce extends KeyedProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.ReduceFunction<Object> reducer;
    private transient org.apache.flink.api.common.state.ValueState<Object> state;

    @SuppressWarnings("unchecked")
    RollingReduce(String operator, io.solidstream.api.stream.function.ReduceFunction<?> reducer) {
      this.counters = new Counters(operator);
      this.reducer = (io.solidstream.api.stream.function.ReduceFunction<Object>) reducer;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      state = getRuntimeContext().getState(new ValueStateDescriptor<>("reduced", ANY));
    }

    @Override
    public void processElement(Object value, Context ctx, org.apache.flink.util.Collector<Object> out) throws Exception {
      counters.in.add(1);
      Object previous = state.value();
      Object result = callUser(counters.operator, () -> previous == null ? value : reducer.reduce(previous, value));
      state.update(result);
      counters.out.add(1);
      out.collect(result);
    }
  }

  /** Rolling aggregate per key: the accumulator in keyed state, its result emitted after each record. */
  static final class RollingAggregate extends KeyedProcessFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final Aggregator<Object, Object, Object> aggregator;
    private transient org.apache.flink.api.common.state.ValueState<Object> state;

    @SuppressWarnings("unchecked")
    RollingAggregate(String operator, Aggregator<?, ?, ?> aggregator) {
      this.counters = new Counters(operator);
      this.aggregator = (Aggregator<Object, Object, Object>) aggregator;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
      state = getRuntimeContext().getState(new ValueStateDescriptor<>("accumulator", ANY));
    }

    @Override
    public void processElement(Object value, Context ctx, org.apache.flink.util.Collector<Object> out) throws Exception {
      counters.in.add(1);
      Object accumulator = state.value();
      Object result;
      try {
        if (accumulator == null) {
          accumulator = aggregator.createAccumulator();
        }
        accumulator = aggregator.add(value, accumulator);
        result = aggregator.result(accumulator);
      } catch (Exception e) {
        throw failure(counters.operator, e);
      }
      state.update(accumulator);
      counters.out.add(1);
      out.collect(result);
    }
  }

  static final class Reduce implements ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final io.solidstream.api.stream.function.ReduceFunction<Object> reducer;

    @SuppressWarnings("unchecked")
    Reduce(String operator, io.solidstream.api.stream.function.ReduceFunction<?> reducer) {
      this.operator = operator;
      this.reducer = (io.solidstream.api.stream.function.ReduceFunction<Object>) reducer;
    }

    @Override
    public Object reduce(Object a, Object b) {
      return callUser(operator, () -> reducer.reduce(a, b));
    }
  }

  static final class Aggregate implements AggregateFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final Aggregator<Object, Object, Object> aggregator;

    @SuppressWarnings("unchecked")
    Aggregate(String operator, Aggregator<?, ?, ?> aggregator) {
      this.operator = operator;
      this.aggregator = (Aggregator<Object, Object, Object>) aggregator;
    }

    @Override
    public Object createAccumulator() {
      return callUser(operator, () -> aggregator.createAccumulator());
    }

    @Override
    public Object add(Object value, Object accumulator) {
      return callUser(operator, () -> aggregator.add(value, accumulator));
    }

    @Override
    public Object getResult(Object accumulator) {
      return callUser(operator, () -> aggregator.result(accumulator));
    }

    @Override
    public Object merge(Object a, Object b) {
      return callUser(operator, () -> aggregator.merge(a, b));
    }
  }

  /**
   * What a window emits when it fires, keyed or not ({@code windowAll}: key {@code null}): the
   * incremental result through the optional result function, or the user's process function.
   */
  static final class WindowEmitter implements Serializable {
    private static final long serialVersionUID = 1L;
    final Counters counters;
    private final WindowResultFunction<Object, Object, Object> result;
    private final ProcessWindowFunction<Object, Object, Object> process;
    private transient Out out;

    @SuppressWarnings("unchecked")
    WindowEmitter(String operator, WindowResultFunction<?, ?, ?> result, ProcessWindowFunction<?, ?, ?> process) {
      this.counters = new Counters(operator);
      this.result = (WindowResultFunction<Object, Object, Object>) result;
      this.process = (ProcessWindowFunction<Object, Object, Object>) process;
    }

    void open(RuntimeContext context) {
      counters.open(context);
      out = new Out(counters);
    }

    void emit(Object key, org.apache.flink.streaming.api.windowing.windows.TimeWindow window, Iterable<Object> elements,
        org.apache.flink.util.Collector<Object> target) {
      try {
        if (process != null) {
          process.process(key, window(window), elements, out.to(target));
        } else {
          for (Object element : elements) {
            out.to(target).collect(result == null ? element : result.apply(key, window(window), element));
          }
        }
      } catch (Exception e) {
        throw failure(counters.operator, e);
      }
    }
  }

  static final class KeyedWindow extends org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction<
      Object, Object, Object, org.apache.flink.streaming.api.windowing.windows.TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final WindowEmitter emitter;

    KeyedWindow(WindowEmitter emitter) {
      this.emitter = emitter;
    }

    @Override
    public void open(OpenContext openContext) {
      emitter.open(getRuntimeContext());
    }

    @Override
    public void process(Object key, Context context, Iterable<Object> elements,
        org.apache.flink.util.Collector<Object> out) {
      emitter.emit(key, context.window(), elements, out);
    }
  }

  static final class AllWindow extends ProcessAllWindowFunction<
      Object, Object, org.apache.flink.streaming.api.windowing.windows.TimeWindow> {
    private static final long serialVersionUID = 1L;
    private final WindowEmitter emitter;

    AllWindow(WindowEmitter emitter) {
      this.emitter = emitter;
    }

    @Override
    public void open(OpenContext openContext) {
      emitter.open(getRuntimeContext());
    }

    @Override
    public void process(Context context, Iterable<Object> elements, org.apache.flink.util.Collector<Object> out) {
      emitter.emit(null, context.window(), elements, out);
    }
  }

  static final class Join implements JoinFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final String operator;
    private final io.solidstream.api.stream.function.JoinFunction<Object, Object, Object> fn;

    @SuppressWarnings("unchecked")
    Join(String operator, io.solidstream.api.stream.function.JoinFunction<?, ?, ?> fn) {
      this.operator = operator;
      this.fn = (io.solidstream.api.stream.function.JoinFunction<Object, Object, Object>) fn;
    }

    @Override
    public Object join(Object left, Object right) {
      return callUser(operator, () -> fn.join(left, right));
    }
  }

  static final class IntervalJoin extends ProcessJoinFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final Counters counters;
    private final io.solidstream.api.stream.function.JoinFunction<Object, Object, Object> fn;

    @SuppressWarnings("unchecked")
    IntervalJoin(String operator, io.solidstream.api.stream.function.JoinFunction<?, ?, ?> fn) {
      this.counters = new Counters(operator);
      this.fn = (io.solidstream.api.stream.function.JoinFunction<Object, Object, Object>) fn;
    }

    @Override
    public void open(OpenContext openContext) {
      counters.open(getRuntimeContext());
    }

    @Override
    public void processElement(Object left, Object right, Context ctx, org.apache.flink.util.Collector<Object> out) {
      Object joined = callUser(counters.operator, () -> fn.join(left, right));
      counters.out.add(1);
      out.collect(joined);
    }
  }

}
