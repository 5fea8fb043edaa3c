package io.solidstream.runtime.flink.stream;

import static io.solidstream.runtime.flink.stream.Functions.ANY;

import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.graph.WindowFunctionSpec;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.function.WindowResultFunction;
import io.solidstream.api.stream.io.GeneratorFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.io.Source.ScriptStep;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.WindowSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.AllWindowedStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.datastream.WindowedStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.ProcessingTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.SlidingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.TumblingProcessingTimeWindows;
import org.apache.flink.streaming.api.windowing.assigners.WindowAssigner;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;

/**
 * The translation registry: one translator per node kind, to the Flink 2.x DataStream API (Source
 * and Sink V2 only). Operator names and uids are the node names; the counting map after a source
 * and before a sink has the uid {@code <node name>/count}. A sink, window or join whose input
 * stream is counted already where it is emitted (a source's counting map, the {@code #out}
 * counter of a map, filter, window...) gets no counting map: its counters read that one ({@link
 * TranslationContext#counted}). Unkeyed operators run at parallelism 1
 * (as the in-process runtime's driver thread does), keyed ones at {@code options.parallelism()}.
 */
final class Translators {
  private Translators() {}

  /** Every node kind the Flink runtime translates. */
  static Map<Class<? extends StreamNode>, Translator<?>> defaults() {
    return Map.ofEntries(
        Map.entry(StreamNode.SourceNode.class, new SourceTranslator()),
        Map.entry(StreamNode.Timestamps.class, new TimestampsTranslator()),
        Map.entry(StreamNode.Map.class, new MapTranslator()),
        Map.entry(StreamNode.Filter.class, new FilterTranslator()),
        Map.entry(StreamNode.FlatMap.class, new FlatMapTranslator()),
        Map.entry(StreamNode.Process.class, new ProcessTranslator()),
        Map.entry(StreamNode.KeyBy.class, new KeyByTranslator()),
        Map.entry(StreamNode.Reduce.class, new ReduceTranslator()),
        Map.entry(StreamNode.Aggregate.class, new AggregateTranslator()),
        Map.entry(StreamNode.KeyedProcess.class, new KeyedProcessTranslator()),
        Map.entry(StreamNode.Window.class, new WindowTranslator()),
        Map.entry(StreamNode.Union.class, new UnionTranslator()),
        Map.entry(StreamNode.SideOutput.class, new SideOutputTranslator()),
        Map.entry(StreamNode.CoProcess.class, new CoProcessTranslator()),
        Map.entry(StreamNode.KeyedCoProcess.class, new KeyedCoProcessTranslator()),
        Map.entry(StreamNode.WindowJoin.class, new WindowJoinTranslator()),
        Map.entry(StreamNode.IntervalJoin.class, new IntervalJoinTranslator()),
        Map.entry(StreamNode.SinkNode.class, new SinkTranslator()));
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object value) {
    return (T) value;
  }

  private static SingleOutputStreamOperator<Object> named(SingleOutputStreamOperator<Object> op, StreamNode node) {
    return op.name(node.name()).uid(node.name());
  }

  /**
   * Marks {@code stream}, the main output of {@code node}, as counted by the node's {@code #out}
   * counter (its function counts every record it emits there), so readers that count their input
   * read that counter instead of adding a counting map ({@link TranslationContext#counted}).
   */
  private static SingleOutputStreamOperator<Object> countsOut(TranslationContext context, StreamNode node,
      SingleOutputStreamOperator<Object> stream) {
    context.countedBy(stream, node.name() + Functions.OUT);
    return stream;
  }

  /**
   * Our watermark strategy as Flink's: the same generators (watermark = max timestamp − bound −
   * 1), emitted periodically every 200 ms by Flink; {@code explicitOnly} for scripted sources,
   * whose reader emits exactly the script's watermarks.
   */
  static WatermarkStrategy<Object> watermarks(io.solidstream.api.stream.time.WatermarkStrategy<?> ours,
      String operator, boolean explicitOnly) {
    WatermarkStrategy<Object> flink = switch (explicitOnly ? io.solidstream.api.stream.time.WatermarkStrategy.Kind.NONE
        : ours.kind()) {
      case NONE -> WatermarkStrategy.noWatermarks();
      case MONOTONOUS -> WatermarkStrategy.forMonotonousTimestamps();
      case BOUNDED_OUT_OF_ORDERNESS -> WatermarkStrategy.forBoundedOutOfOrderness(
          Duration.ofMillis(ours.maxOutOfOrdernessMillis()));
    };
    if (!explicitOnly && ours.idlenessMillis() > 0) {
      flink = flink.withIdleness(Duration.ofMillis(ours.idlenessMillis()));
    }
    if (ours.timestampAssigner().isPresent()) {
      flink = flink.withTimestampAssigner(new Functions.Timestamps(operator, ours.timestampAssigner().get()));
    }
    return flink;
  }

  static WindowAssigner<Object, TimeWindow> assigner(WindowSpec spec) {
    boolean event = spec.domain() == TimeDomain.EVENT_TIME;
    Duration size = Duration.ofMillis(spec.size());
    Duration offset = Duration.ofMillis(spec.offset());
    return switch (spec.kind()) {
      case TUMBLING -> event ? TumblingEventTimeWindows.of(size, offset) : TumblingProcessingTimeWindows.of(size, offset);
      case SLIDING -> event
          ? SlidingEventTimeWindows.of(size, Duration.ofMillis(spec.slide()), offset)
          : SlidingProcessingTimeWindows.of(size, Duration.ofMillis(spec.slide()), offset);
      case SESSION -> event
          ? EventTimeSessionWindows.withGap(Duration.ofMillis(spec.gap()))
          : ProcessingTimeSessionWindows.withGap(Duration.ofMillis(spec.gap()));
    };
  }

  /**
   * Sources: collections and scripted test sources through {@link ScriptSource}, bounded
   * generators without a rate through {@link GeneratorSource}, the others through {@link
   * DataGeneratorSource}, text files through {@link FileSource}, CSV and JSON-lines
   * files through {@link FileRowsSource}; all at
   * parallelism 1, so records keep their order as in-process.
   */
  static final class SourceTranslator implements Translator<StreamNode.SourceNode> {
    @Override
    public void translate(StreamNode.SourceNode node, TranslationContext context) {
      String name = node.name();
      Source<?> source = node.source();
      DataStream<Object> stream;
      if (source instanceof Source.Collection<?> collection) {
        List<ScriptStep<?>> steps = new ArrayList<>();
        for (int i = 0; i < collection.elements().size(); i++) {
          Object element = collection.elements().get(i);
          if (!(element instanceof java.io.Serializable)) {
            throw new IllegalArgumentException("stream program '" + context.program().name() + "': operator '" + name
                + "' reads a collection holding a " + element.getClass().getName() + ", which is not Serializable;"
                + " the " + context.runtimeName() + " runtime ships collection records to the cluster, so make the"
                + " record type implement java.io.Serializable");
          }
          long ts = collection.timestamps() == null ? Long.MIN_VALUE : collection.timestamps().get(i);
          steps.add(new ScriptStep.Element<>(collection.elements().get(i), ts));
        }
        stream = context.env().fromSource(new ScriptSource(steps, collection.timestamps() != null),
            watermarks(node.watermarks(), name, false), name, RecordTypes.common(collection.elements()));
      } else if (source instanceof Source.Scripted<?> scripted) {
        if (scripted.steps().stream().anyMatch(ScriptStep.AdvanceProcessingTime.class::isInstance)) {
          throw context.unsupported(node, "a scripted source with processing-time advances (a Flink cluster runs on"
              + " the wall clock; drop advanceProcessingTime steps or run it in-process)");
        }
        stream = context.env().fromSource(new ScriptSource(scripted.steps(), true),
            watermarks(node.watermarks(), name, true), name, RecordTypes.common(scripted.steps().stream()
                .filter(ScriptStep.Element.class::isInstance).map(step -> ((ScriptStep.Element<?>) step).value())
                .toList()));
      } else if (source instanceof Source.Generator<?> generator) {
        TypeInformation<Object> type = RecordTypes.returnedBy(generator.fn(), GeneratorFunction.class, 0);
        if (generator.count() >= 0 && generator.ratePerSecond() <= 0) {
          stream = context.env().fromSource(new GeneratorSource(name, generator.fn(), generator.count()),
              watermarks(node.watermarks(), name, false), name, type);
        } else {
          DataGeneratorSource<Object> flink = new DataGeneratorSource<>(
              new Functions.Generator(name, generator.fn()),
              generator.count() < 0 ? Long.MAX_VALUE : generator.count(),
              generator.ratePerSecond() > 0 ? RateLimiterStrategy.perSecond(generator.ratePerSecond())
                  : RateLimiterStrategy.noOp(),
              type);
          stream = context.env().fromSource(flink, watermarks(node.watermarks(), name, false), name, type);
        }
      } else if (source instanceof Source.TextFile text) {
        FileSource<String> files = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path(text.path()))
            .build();
        DataStream<String> lines = context.env().fromSource(files,
            cast(watermarks(node.watermarks(), name, false)), name);
        stream = cast(lines);
      } else if (source instanceof Source.CsvFile<?> csv) {
        stream = context.env().fromSource(new FileRowsSource(name, csv.path(),
                FileRowsSource.csv(name, csv.delimiter(), csv.header(), csv.mapper())),
            watermarks(node.watermarks(), name, false), name, RecordTypes.returnedBy(csv.mapper(), Function.class, 1));
      } else if (source instanceof Source.JsonLines<?> json) {
        stream = context.env().fromSource(new FileRowsSource(name, json.path(), FileRowsSource.jsonLines(json.type())),
            watermarks(node.watermarks(), name, false), name, RecordTypes.of(json.type()));
      } else {
        throw context.unsupported(node, "reading a " + source.describe());
      }
      SingleOutputStreamOperator<Object> counted = ((SingleOutputStreamOperator<Object>) stream)
          .setParallelism(1).uid(name)
          .map(new Functions.Count(name), stream.getType()).name(name).uid(name + "/count").setParallelism(1);
      context.countedBy(counted, name + Functions.OUT);
      context.put(node, counted);
    }
  }

  static final class TimestampsTranslator implements Translator<StreamNode.Timestamps> {
    @Override
    public void translate(StreamNode.Timestamps node, TranslationContext context) {
      DataStream<Object> input = context.stream(node.input());
      SingleOutputStreamOperator<Object> out = named(input
          .assignTimestampsAndWatermarks(watermarks(node.watermarks(), node.name(), false)), node);
      String counter = context.counterOf(input);
      if (counter != null) {
        context.countedBy(out, counter); // the same records, with timestamps
      }
      context.put(node, out);
    }
  }

  static final class MapTranslator implements Translator<StreamNode.Map> {
    @Override
    public void translate(StreamNode.Map node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.stream(node.input())
          .map(new Functions.Map(node.name(), node.mapper()), RecordTypes.returnedBy(node.mapper(), Function.class, 1)),
          node)));
    }
  }

  static final class FilterTranslator implements Translator<StreamNode.Filter> {
    @Override
    public void translate(StreamNode.Filter node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.stream(node.input())
          .filter(new Functions.Filter(node.name(), node.predicate())), node)));
    }
  }

  static final class FlatMapTranslator implements Translator<StreamNode.FlatMap> {
    @Override
    public void translate(StreamNode.FlatMap node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.stream(node.input())
          .flatMap(new Functions.FlatMap(node.name(), node.function()), ANY), node)));
    }
  }

  static final class ProcessTranslator implements Translator<StreamNode.Process> {
    @Override
    public void translate(StreamNode.Process node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.stream(node.input())
          .process(new Functions.Process(node.name(), node.function()), ANY), node)));
    }
  }

  /** A key partitioning; Flink has no operator (and no uid) for it. */
  static final class KeyByTranslator implements Translator<StreamNode.KeyBy> {
    @Override
    public void translate(StreamNode.KeyBy node, TranslationContext context) {
      context.put(node, context.stream(node.input()).keyBy(new Functions.KeyBy(node.name(), node.keySelector()), ANY));
    }
  }

  static final class ReduceTranslator implements Translator<StreamNode.Reduce> {
    @Override
    public void translate(StreamNode.Reduce node, TranslationContext context) {
      KeyedStream<Object, Object> keyed = context.keyed(node.input(), node);
      context.put(node, countsOut(context, node, named(keyed.process(
          new Functions.RollingReduce(node.name(), node.reducer()), keyed.getType()), node)
          .setParallelism(context.keyedParallelism())));
    }
  }

  static final class AggregateTranslator implements Translator<StreamNode.Aggregate> {
    @Override
    public void translate(StreamNode.Aggregate node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.keyed(node.input(), node)
          .process(new Functions.RollingAggregate(node.name(), node.aggregator()),
              RecordTypes.returnedBy(node.aggregator(), Aggregator.class, 2)), node)
          .setParallelism(context.keyedParallelism())));
    }
  }

  static final class KeyedProcessTranslator implements Translator<StreamNode.KeyedProcess> {
    @Override
    public void translate(StreamNode.KeyedProcess node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.keyed(node.input(), node)
          .process(new Functions.KeyedProcess(node.name(), node.function()), ANY), node)
          .setParallelism(context.keyedParallelism())));
    }
  }

  /** Keyed windows and windowAll, with allowed lateness and the late-data side output. */
  static final class WindowTranslator implements Translator<StreamNode.Window> {
    @Override
    public void translate(StreamNode.Window node, TranslationContext context) {
      String name = node.name();
      WindowFunctionSpec function = node.function();
      SingleOutputStreamOperator<Object> out;
      if (node.keyed()) {
        WindowedStream<Object, Object, TimeWindow> windowed = context.keyedCounted(node.input(), node, "", true)
            .window(assigner(node.spec()));
        if (node.allowedLatenessMillis() > 0) {
          windowed = windowed.allowedLateness(Duration.ofMillis(node.allowedLatenessMillis()));
        }
        windowed = windowed.sideOutputLateData(lateTag(node));
        TypeInformation<Object> type = outputType(node, windowed.getInputType());
        if (function instanceof WindowFunctionSpec.Reduce reduce) {
          out = windowed.reduce(new Functions.Reduce(name, reduce.reducer()),
              new Functions.KeyedWindow(new Functions.WindowEmitter(name, reduce.result(), null)), type);
        } else if (function instanceof WindowFunctionSpec.Aggregate aggregate) {
          out = windowed.aggregate(new Functions.Aggregate(name, aggregate.aggregator()),
              new Functions.KeyedWindow(new Functions.WindowEmitter(name, aggregate.result(), null)), ANY, ANY, type);
        } else {
          WindowFunctionSpec.Process process = (WindowFunctionSpec.Process) function;
          out = windowed.process(new Functions.KeyedWindow(new Functions.WindowEmitter(name, null, process.function())),
              type);
        }
        out = named(out, node).setParallelism(context.keyedParallelism());
        countDroppedLateRecords(node, out);
      } else {
        DataStream<Object> input = context.counted(context.stream(node.input()), node, "/count-in");
        TypeInformation<Object> type = outputType(node, input.getType());
        AllWindowedStream<Object, TimeWindow> windowed = input.windowAll(assigner(node.spec()));
        if (node.spec().domain() == TimeDomain.EVENT_TIME && node.spec().kind() != WindowSpec.Kind.SESSION) {
          windowed = windowed.trigger(new WindowAllEventTimeTrigger()); // Flink's default, one timer per window
        }
        if (node.allowedLatenessMillis() > 0) {
          windowed = windowed.allowedLateness(Duration.ofMillis(node.allowedLatenessMillis()));
        }
        windowed = windowed.sideOutputLateData(lateTag(node));
        if (function instanceof WindowFunctionSpec.Reduce reduce) {
          out = windowed.reduce(new Functions.Reduce(name, reduce.reducer()),
              new Functions.AllWindow(new Functions.WindowEmitter(name, reduce.result(), null)), type);
        } else if (function instanceof WindowFunctionSpec.Aggregate aggregate) {
          out = windowed.aggregate(new Functions.Aggregate(name, aggregate.aggregator()),
              new Functions.AllWindow(new Functions.WindowEmitter(name, aggregate.result(), null)), ANY, ANY, type);
        } else {
          WindowFunctionSpec.Process process = (WindowFunctionSpec.Process) function;
          out = windowed.process(new Functions.AllWindow(new Functions.WindowEmitter(name, null, process.function())),
              type);
        }
        out = named(out, node);
        countDroppedLateRecords(node, out);
      }
      context.put(node, countsOut(context, node, out));
    }
  }

  /**
   * The type of a window's outputs: the result function's result if there is one, else the
   * reduced input or the aggregator's result; ANY for process window functions (their collector
   * hides the type).
   */
  static TypeInformation<Object> outputType(StreamNode.Window node, TypeInformation<Object> input) {
    WindowFunctionSpec function = node.function();
    if (function instanceof WindowFunctionSpec.Reduce reduce) {
      return reduce.result() == null ? input : RecordTypes.returnedBy(reduce.result(), WindowResultFunction.class, 2);
    } else if (function instanceof WindowFunctionSpec.Aggregate aggregate) {
      return aggregate.result() == null ? RecordTypes.returnedBy(aggregate.aggregator(), Aggregator.class, 2)
          : RecordTypes.returnedBy(aggregate.result(), WindowResultFunction.class, 2);
    }
    return ANY;
  }

  /** The user's late-data tag, or an internal one whose records are counted as dropped. */
  static org.apache.flink.util.OutputTag<Object> lateTag(StreamNode.Window node) {
    return node.lateDataTag() != null ? Functions.tag(node.lateDataTag())
        : new org.apache.flink.util.OutputTag<>("#dropped-late/" + node.id(), ANY);
  }

  /**
   * Without a late-data side output, Flink drops late records silently: they go to an internal
   * side output instead, are counted as {@code lateRecordsDropped} and discarded.
   */
  static void countDroppedLateRecords(StreamNode.Window node, SingleOutputStreamOperator<Object> window) {
    if (node.lateDataTag() == null) {
      window.getSideOutput(lateTag(node))
          .map(new Functions.CountOne(node.name(), Functions.LATE), ANY)
          .name(node.name() + " (late, dropped)").uid(node.name() + "/count-late").setParallelism(window.getParallelism())
          .sinkTo(new DiscardingSink<>())
          .name(node.name() + " (discard late)").uid(node.name() + "/discard-late").setParallelism(window.getParallelism());
    }
  }

  static final class UnionTranslator implements Translator<StreamNode.Union> {
    @Override
    public void translate(StreamNode.Union node, TranslationContext context) {
      List<DataStream<Object>> inputs = new ArrayList<>();
      for (int input : node.inputs()) {
        inputs.add(context.stream(input));
      }
      // Flink unions streams of one type only: if their records' types differ, all become ANY
      boolean sameType = inputs.stream().allMatch(input -> input.getType().equals(inputs.get(0).getType()));
      DataStream<Object> merged = null;
      for (int i = 0; i < inputs.size(); i++) {
        DataStream<Object> input = inputs.get(i);
        if (!sameType && !input.getType().equals(ANY)) {
          input = input.map(new Functions.Identity(), ANY).name(node.name() + " (input " + i + ")")
              .uid(node.name() + "/input-" + i).setParallelism(input.getParallelism());
        }
        merged = merged == null ? input : merged.union(input);
      }
      context.put(node, merged);
    }
  }

  static final class SideOutputTranslator implements Translator<StreamNode.SideOutput> {
    @Override
    public void translate(StreamNode.SideOutput node, TranslationContext context) {
      DataStream<Object> input = context.stream(node.input());
      if (!(input instanceof SingleOutputStreamOperator<Object> operator)) {
        throw context.unsupported(node, "reading a side output of '" + context.program().node(node.input()).name()
            + "', which is no operator");
      }
      context.put(node, operator.getSideOutput(Functions.tag(node.tag())));
    }
  }

  static final class CoProcessTranslator implements Translator<StreamNode.CoProcess> {
    @Override
    public void translate(StreamNode.CoProcess node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.stream(node.first()).connect(context.stream(node.second()))
          .process(new Functions.CoProcess(node.name(), node.function()), ANY), node)));
    }
  }

  static final class KeyedCoProcessTranslator implements Translator<StreamNode.KeyedCoProcess> {
    @Override
    public void translate(StreamNode.KeyedCoProcess node, TranslationContext context) {
      context.put(node, countsOut(context, node, named(context.keyed(node.first(), node)
          .connect(context.keyed(node.second(), node))
          .process(new Functions.KeyedCoProcess(node.name(), node.function()), ANY), node)
          .setParallelism(context.keyedParallelism())));
    }
  }

  static final class WindowJoinTranslator implements Translator<StreamNode.WindowJoin> {
    @Override
    public void translate(StreamNode.WindowJoin node, TranslationContext context) {
      KeyedStream<Object, Object> left = context.keyedCounted(node.left(), node, "-left", false);
      KeyedStream<Object, Object> right = context.keyedCounted(node.right(), node, "-right", false);
      DataStream<Object> joined = left.join(right)
          .where(left.getKeySelector(), ANY)
          .equalTo(right.getKeySelector())
          .window(assigner(node.spec()))
          .apply(new Functions.Join(node.name(), node.function()),
              RecordTypes.returnedBy(node.function(), JoinFunction.class, 2));
      named((SingleOutputStreamOperator<Object>) joined, node).setParallelism(context.keyedParallelism());
      context.put(node, countsOut(context, node, joined.map(new Functions.CountOne(node.name(), Functions.OUT),
              joined.getType())
          .name(node.name() + " (out)").uid(node.name() + "/count-out").setParallelism(context.keyedParallelism())));
    }
  }

  static final class IntervalJoinTranslator implements Translator<StreamNode.IntervalJoin> {
    @Override
    public void translate(StreamNode.IntervalJoin node, TranslationContext context) {
      KeyedStream.IntervalJoined<Object, Object, Object> joined = context.keyedCounted(node.left(), node, "-left", false)
          .intervalJoin(context.keyedCounted(node.right(), node, "-right", false))
          .between(Duration.ofMillis(node.lowerBoundMillis()), Duration.ofMillis(node.upperBoundMillis()));
      if (!node.lowerInclusive()) {
        joined = joined.lowerBoundExclusive();
      }
      if (!node.upperInclusive()) {
        joined = joined.upperBoundExclusive();
      }
      context.put(node, countsOut(context, node, named(joined.process(
              new Functions.IntervalJoin(node.name(), node.function()),
              RecordTypes.returnedBy(node.function(), JoinFunction.class, 2)), node)
          .setParallelism(context.keyedParallelism())));
    }
  }

  /**
   * Sinks: collect sinks through {@code collectAsync()} (several per job), log sinks through
   * {@link LogSink}, single text and JSON-lines files through {@link LineFileSink} (one file, as
   * in-process, not transactional), part files through Flink's FileSink ({@link PartFileSinks}).
   */
  static final class SinkTranslator implements Translator<StreamNode.SinkNode> {
    @Override
    public void translate(StreamNode.SinkNode node, TranslationContext context) {
      String name = node.name();
      Sink<?> sink = node.sink();
      DataStream<Object> input = context.stream(node.input());
      DataStream<Object> counted;
      if (context.alias(name + Functions.IN, input)) {
        // the records are counted where they are emitted: the sink's counters read that counter
        context.alias(name + Functions.OUT, input);
        counted = input;
      } else {
        counted = input.map(new Functions.Count(name), input.getType()).name(name).uid(name + "/count")
            .setParallelism(1);
      }
      if (sink instanceof Sink.Collect<?> collect) {
        context.collect(collect.name(), counted.collectAsync());
      } else if (sink instanceof Sink.Log<?> log) {
        counted.sinkTo(new LogSink(log.name())).name(name).uid(name).setParallelism(1);
      } else if (sink instanceof Sink.TextFile<?> text) {
        counted.sinkTo(new LineFileSink(name, text.path(), text.formatter())).name(name).uid(name).setParallelism(1);
      } else if (sink instanceof Sink.JsonLines<?> json) {
        counted.sinkTo(new LineFileSink(name, json.path(), LineFileSink.json())).name(name).uid(name).setParallelism(1);
      } else if (sink instanceof Sink.TextFiles<?> text) {
        counted.sinkTo(PartFileSinks.lines(name, text.directory(), text.formatter())).name(name).uid(name)
            .setParallelism(1);
      } else if (sink instanceof Sink.JsonLinesFiles<?> json) {
        counted.sinkTo(PartFileSinks.lines(name, json.directory(), LineFileSink.json())).name(name).uid(name)
            .setParallelism(1);
      } else {
        throw context.unsupported(node, "writing a " + sink.describe());
      }
      context.put(node, counted);
    }
  }
}
