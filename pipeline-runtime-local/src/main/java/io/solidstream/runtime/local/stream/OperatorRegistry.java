package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.function.FlatMapFunction;
import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.function.KeyedCoProcessFunction;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.function.ProcessWindowFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.graph.WindowFunctionSpec;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.WindowSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The translation registry: for each {@link StreamNode} kind, the factory of its physical
 * operator. One small factory class per kind.
 */
final class OperatorRegistry {
  private OperatorRegistry() {}

  /** Every node kind of the stream DSL; unmodifiable. */
  static Map<Class<? extends StreamNode>, OperatorFactory> defaults() {
    return registry(true);
  }

  /**
   * Like {@link #defaults()}, but every window runs on the general {@link WindowOperator}, without
   * the tumbling event-time fast path ({@link TumblingWindowOperator}); tests compare the two.
   */
  static Map<Class<? extends StreamNode>, OperatorFactory> withoutFastPaths() {
    return registry(false);
  }

  private static Map<Class<? extends StreamNode>, OperatorFactory> registry(boolean fastPaths) {
    return Map.ofEntries(
        Map.entry(StreamNode.SourceNode.class, new SourceFactory()),
        Map.entry(StreamNode.Timestamps.class, new TimestampsFactory()),
        Map.entry(StreamNode.Map.class, new MapFactory()),
        Map.entry(StreamNode.Filter.class, new FilterFactory()),
        Map.entry(StreamNode.FlatMap.class, new FlatMapFactory()),
        Map.entry(StreamNode.Process.class, new ProcessFactory()),
        Map.entry(StreamNode.KeyBy.class, new ForwardFactory()),
        Map.entry(StreamNode.Union.class, new ForwardFactory()),
        Map.entry(StreamNode.SideOutput.class, new ForwardFactory()),
        Map.entry(StreamNode.Reduce.class, new ReduceFactory()),
        Map.entry(StreamNode.Aggregate.class, new AggregateFactory()),
        Map.entry(StreamNode.KeyedProcess.class, new KeyedProcessFactory()),
        Map.entry(StreamNode.Window.class, new WindowFactory(fastPaths)),
        Map.entry(StreamNode.CoProcess.class, new CoProcessFactory()),
        Map.entry(StreamNode.KeyedCoProcess.class, new KeyedCoProcessFactory()),
        Map.entry(StreamNode.WindowJoin.class, new WindowJoinFactory(fastPaths)),
        Map.entry(StreamNode.IntervalJoin.class, new IntervalJoinFactory()),
        Map.entry(StreamNode.SinkNode.class, new SinkFactory()));
  }

  /** Sources: a reader per source kind. */
  static final class SourceFactory implements OperatorFactory {
    @Override
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.SourceNode source = (StreamNode.SourceNode) node;
      Source<?> input = source.source();
      SourceReaders.Reader reader;
      if (input instanceof Source.Collection<?> c) {
        reader = new SourceReaders.CollectionReader(c);
      } else if (input instanceof Source.Generator<?> g) {
        reader = new SourceReaders.GeneratorReader(g);
      } else if (input instanceof Source.TextFile t) {
        reader = new SourceReaders.TextFileReader(t);
      } else if (input instanceof Source.CsvFile<?> c) {
        reader = new SourceReaders.CsvReader(c);
      } else if (input instanceof Source.JsonLines<?> j) {
        reader = new SourceReaders.JsonLinesReader(j);
      } else {
        reader = new SourceReaders.ScriptedReader((Source.Scripted<?>) input);
      }
      return new SourceOperator(source.name(), reader, source.watermarks());
    }
  }

  /** {@code assignTimestampsAndWatermarks}. */
  static final class TimestampsFactory implements OperatorFactory {
    @Override
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.Timestamps timestamps = (StreamNode.Timestamps) node;
      return new BasicOperators.TimestampsOperator(node.name(), timestamps.watermarks());
    }
  }

  /** {@code map}. */
  static final class MapFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.MapOperator(node.name(),
          (Function<Object, Object>) ((StreamNode.Map) node).mapper());
    }
  }

  /** {@code filter}. */
  static final class FilterFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.FilterOperator(node.name(),
          (Predicate<Object>) ((StreamNode.Filter) node).predicate());
    }
  }

  /** {@code flatMap}. */
  static final class FlatMapFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.FlatMapOperator(node.name(),
          (FlatMapFunction<Object, Object>) ((StreamNode.FlatMap) node).function());
    }
  }

  /** Unkeyed {@code process}. */
  static final class ProcessFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.ProcessOperator(node.name(),
          (ProcessFunction<Object, Object>) ((StreamNode.Process) node).function());
    }
  }

  /**
   * {@code keyBy}, {@code union} and side-output readers forward records unchanged (the
   * partitioning of {@code keyBy} is an exchange the planner adds when keyed operators run in
   * parallel; a side output is wired to the producing operator's tag).
   */
  static final class ForwardFactory implements OperatorFactory {
    @Override
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.ForwardOperator(node.name());
    }
  }

  /** Rolling {@code reduce} per key. */
  static final class ReduceFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.Reduce reduce = (StreamNode.Reduce) node;
      return new BasicOperators.RollingReduceOperator(node.name(), translation.keySelector(reduce.input(), node),
          (ReduceFunction<Object>) reduce.reducer());
    }
  }

  /** Rolling {@code aggregate} per key. */
  static final class AggregateFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.Aggregate aggregate = (StreamNode.Aggregate) node;
      return new BasicOperators.RollingAggregateOperator(node.name(),
          translation.keySelector(aggregate.input(), node),
          (Aggregator<Object, Object, Object>) aggregate.aggregator());
    }
  }

  /** Keyed {@code process} with state and timers. */
  static final class KeyedProcessFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.KeyedProcess process = (StreamNode.KeyedProcess) node;
      return new KeyedProcessOperator(node.name(), translation.keySelector(process.input(), node),
          (KeyedProcessFunction<Object, Object, Object>) process.function());
    }
  }

  /** Keyed windows and {@code windowAll}. */
  static final class WindowFactory implements OperatorFactory {
    private final boolean fastPaths;

    WindowFactory(boolean fastPaths) {
      this.fastPaths = fastPaths;
    }

    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.Window window = (StreamNode.Window) node;
      Function<Object, Object> key = window.keyed() ? translation.keySelector(window.input(), node) : null;
      WindowFunctionSpec spec = window.function();
      WindowOperator.PaneFunction function;
      if (spec instanceof WindowFunctionSpec.Reduce r) {
        function = WindowOperator.reduce((ReduceFunction<Object>) r.reducer(),
            (WindowResultFunction<Object, Object, Object>) r.result());
      } else if (spec instanceof WindowFunctionSpec.Aggregate a) {
        function = WindowOperator.aggregate((Aggregator<Object, Object, Object>) a.aggregator(),
            (WindowResultFunction<Object, Object, Object>) a.result());
      } else {
        function = WindowOperator.process(
            (ProcessWindowFunction<Object, Object, Object>) ((WindowFunctionSpec.Process) spec).function());
      }
      return windowOperator(fastPaths, node.name(), new Function[] {key}, window.spec(),
          window.allowedLatenessMillis(), window.lateDataTag() == null ? null : window.lateDataTag().id(), function);
    }
  }

  /** Two unkeyed inputs, one {@code CoProcessFunction}. */
  static final class CoProcessFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      return new BasicOperators.CoProcessOperator(node.name(),
          (CoProcessFunction<Object, Object, Object>) ((StreamNode.CoProcess) node).function());
    }
  }

  /** Two keyed inputs sharing state and timers. */
  static final class KeyedCoProcessFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.KeyedCoProcess process = (StreamNode.KeyedCoProcess) node;
      return new KeyedProcessOperator(node.name(), translation.keySelector(process.first(), node),
          translation.keySelector(process.second(), node),
          (KeyedCoProcessFunction<Object, Object, Object, Object>) process.function());
    }
  }

  /**
   * A window operator for {@code spec}: the {@link TumblingWindowOperator} fast path for tumbling
   * event-time windows if {@code fastPaths}, else the general {@link WindowOperator}.
   */
  static StreamOperator windowOperator(boolean fastPaths, String name, Function<Object, Object>[] keySelectors,
      WindowSpec spec, long allowedLateness, String lateTag, WindowOperator.PaneFunction function) {
    if (fastPaths && spec.kind() == WindowSpec.Kind.TUMBLING && spec.domain() == TimeDomain.EVENT_TIME) {
      return new TumblingWindowOperator(name, keySelectors, spec.size(), spec.offset(), allowedLateness, lateTag,
          function);
    }
    return new WindowOperator(name, keySelectors, spec, allowedLateness, lateTag, function);
  }

  /** Window joins: a two-input window operator buffering both sides. */
  static final class WindowJoinFactory implements OperatorFactory {
    private final boolean fastPaths;

    WindowJoinFactory(boolean fastPaths) {
      this.fastPaths = fastPaths;
    }

    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.WindowJoin join = (StreamNode.WindowJoin) node;
      return windowOperator(fastPaths, node.name(),
          new Function[] {translation.keySelector(join.left(), node), translation.keySelector(join.right(), node)},
          join.spec(), 0, null, WindowOperator.join((JoinFunction<Object, Object, Object>) join.function()));
    }
  }

  /** Interval joins. */
  static final class IntervalJoinFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.IntervalJoin join = (StreamNode.IntervalJoin) node;
      return new IntervalJoinOperator(node.name(), translation.keySelector(join.left(), node),
          translation.keySelector(join.right(), node), join.lowerBoundMillis(), join.upperBoundMillis(),
          join.lowerInclusive(), join.upperInclusive(), (JoinFunction<Object, Object, Object>) join.function());
    }
  }

  /** Sinks: one operator per sink kind. */
  static final class SinkFactory implements OperatorFactory {
    @Override
    @SuppressWarnings("unchecked")
    public StreamOperator create(StreamNode node, Translation translation) {
      StreamNode.SinkNode sink = (StreamNode.SinkNode) node;
      Sink<?> output = sink.sink();
      if (output instanceof Sink.Collect<?> c) {
        return new SinkOperators.CollectSink(node.name(), translation.collected(), c.name());
      } else if (output instanceof Sink.TextFile<?> t) {
        return new SinkOperators.LineFileSink(node.name(), Path.of(t.path()),
            (Function<Object, String>) (Function<?, ?>) t.formatter());
      } else if (output instanceof Sink.JsonLines<?> j) {
        return new SinkOperators.JsonLinesSink(node.name(), Path.of(j.path()));
      } else if (output instanceof Sink.TextFiles<?> t) {
        return new SinkOperators.PartFileSink(node.name(), Path.of(t.directory()),
            (Function<Object, String>) (Function<?, ?>) t.formatter(), translation.commitIntervalMillis());
      } else if (output instanceof Sink.JsonLinesFiles<?> j) {
        return new SinkOperators.PartFileSink(node.name(), Path.of(j.directory()), SinkOperators.JsonLinesSink::toJson,
            translation.commitIntervalMillis());
      } else {
        return new SinkOperators.LogSink(node.name(), ((Sink.Log<?>) output).name());
      }
    }
  }
}
