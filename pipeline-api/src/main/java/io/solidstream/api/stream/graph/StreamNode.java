package io.solidstream.api.stream.graph;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.function.SerializablePredicate;
import io.solidstream.api.stream.OutputTag;
import io.solidstream.api.stream.function.Aggregator;
import io.solidstream.api.stream.function.CoProcessFunction;
import io.solidstream.api.stream.function.FlatMapFunction;
import io.solidstream.api.stream.function.JoinFunction;
import io.solidstream.api.stream.function.KeyedCoProcessFunction;
import io.solidstream.api.stream.function.KeyedProcessFunction;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.function.ReduceFunction;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.io.Serializable;
import java.util.List;

/**
 * One node of a stream program's logical graph: pure, immutable data naming its kind, its inputs
 * (by node id) and its user functions. A node never knows how it runs; each runtime translates or
 * interprets every kind.
 *
 * <p>Keyed operations read from a {@link KeyBy} node; the key selector lives there.
 */
public sealed interface StreamNode extends Serializable {

  /** The node's id, its index in the program. */
  int id();

  /** The node's unique, hierarchical name, e.g. {@code clicks/window}; the Flink operator uid. */
  String name();

  /** The ids of the nodes it reads, in order. */
  List<Integer> inputs();

  /** A copy with another name. */
  StreamNode withName(String name);

  /** Reads a source; timestamps and watermarks per {@code watermarks}. */
  record SourceNode(int id, String name, Source<?> source, WatermarkStrategy<?> watermarks) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of();
    }

    @Override
    public StreamNode withName(String name) {
      return new SourceNode(id, name, source, watermarks);
    }
  }

  /** Re-assigns timestamps and watermarks mid-stream. */
  record Timestamps(int id, String name, int input, WatermarkStrategy<?> watermarks) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Timestamps(id, name, input, watermarks);
    }
  }

  /** One output per input. */
  record Map(int id, String name, int input, SerializableFunction<?, ?> mapper) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Map(id, name, input, mapper);
    }
  }

  /** Keeps the records the predicate accepts. */
  record Filter(int id, String name, int input, SerializablePredicate<?> predicate) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Filter(id, name, input, predicate);
    }
  }

  /** Zero or more outputs per input. */
  record FlatMap(int id, String name, int input, FlatMapFunction<?, ?> function) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new FlatMap(id, name, input, function);
    }
  }

  /** A process function on an unkeyed stream. */
  record Process(int id, String name, int input, ProcessFunction<?, ?> function) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Process(id, name, input, function);
    }
  }

  /** Partitions by key; keyed operations read from it. */
  record KeyBy(int id, String name, int input, SerializableFunction<?, ?> keySelector) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new KeyBy(id, name, input, keySelector);
    }
  }

  /** Rolling reduce per key: emits the reduced value after each record. */
  record Reduce(int id, String name, int input, ReduceFunction<?> reducer) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Reduce(id, name, input, reducer);
    }
  }

  /** Rolling aggregate per key: emits the current result after each record. */
  record Aggregate(int id, String name, int input, Aggregator<?, ?, ?> aggregator) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Aggregate(id, name, input, aggregator);
    }
  }

  /** A keyed process function with state and timers. */
  record KeyedProcess(int id, String name, int input, KeyedProcessFunction<?, ?, ?> function) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new KeyedProcess(id, name, input, function);
    }
  }

  /**
   * A window operator. {@code input} is a {@link KeyBy} node for keyed windows, or any node for
   * {@code windowAll} ({@code keyed == false}).
   */
  record Window(
      int id,
      String name,
      int input,
      boolean keyed,
      WindowSpec spec,
      long allowedLatenessMillis,
      OutputTag<?> lateDataTag,
      WindowFunctionSpec function)
      implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new Window(id, name, input, keyed, spec, allowedLatenessMillis, lateDataTag, function);
    }
  }

  /** Merges streams of the same type. */
  record Union(int id, String name, List<Integer> inputs) implements StreamNode {
    /** Copies the inputs. */
    public Union {
      inputs = List.copyOf(inputs);
    }

    @Override
    public StreamNode withName(String name) {
      return new Union(id, name, inputs);
    }
  }

  /** The records {@code input} emitted to side output {@code tag}. */
  record SideOutput(int id, String name, int input, OutputTag<?> tag) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new SideOutput(id, name, input, tag);
    }
  }

  /** Two unkeyed streams processed together. */
  record CoProcess(int id, String name, int first, int second, CoProcessFunction<?, ?, ?> function)
      implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(first, second);
    }

    @Override
    public StreamNode withName(String name) {
      return new CoProcess(id, name, first, second, function);
    }
  }

  /** Two streams keyed alike ({@link KeyBy} inputs) processed together with shared state. */
  record KeyedCoProcess(int id, String name, int first, int second, KeyedCoProcessFunction<?, ?, ?, ?> function)
      implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(first, second);
    }

    @Override
    public StreamNode withName(String name) {
      return new KeyedCoProcess(id, name, first, second, function);
    }
  }

  /**
   * A window join: pairs of records of both {@link KeyBy} inputs with equal keys in the same
   * window, joined when the window fires.
   */
  record WindowJoin(int id, String name, int left, int right, WindowSpec spec, JoinFunction<?, ?, ?> function)
      implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(left, right);
    }

    @Override
    public StreamNode withName(String name) {
      return new WindowJoin(id, name, left, right, spec, function);
    }
  }

  /**
   * An interval join (Flink's semantics): a left record at {@code t} joins right records of the
   * same key with timestamps in {@code [t + lower, t + upper]}; each bound may be exclusive.
   */
  record IntervalJoin(
      int id,
      String name,
      int left,
      int right,
      long lowerBoundMillis,
      long upperBoundMillis,
      boolean lowerInclusive,
      boolean upperInclusive,
      JoinFunction<?, ?, ?> function)
      implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(left, right);
    }

    @Override
    public StreamNode withName(String name) {
      return new IntervalJoin(id, name, left, right, lowerBoundMillis, upperBoundMillis, lowerInclusive,
          upperInclusive, function);
    }
  }

  /** Writes to a sink. */
  record SinkNode(int id, String name, int input, Sink<?> sink) implements StreamNode {
    @Override
    public List<Integer> inputs() {
      return List.of(input);
    }

    @Override
    public StreamNode withName(String name) {
      return new SinkNode(id, name, input, sink);
    }
  }
}
