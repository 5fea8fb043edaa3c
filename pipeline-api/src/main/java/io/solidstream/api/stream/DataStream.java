package io.solidstream.api.stream;

import io.solidstream.api.function.SerializableFunction;
import io.solidstream.api.function.SerializablePredicate;
import io.solidstream.api.stream.function.FlatMapFunction;
import io.solidstream.api.stream.function.ProcessFunction;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A typed stream of records in a program under construction. Each method adds an operator and
 * returns the stream it produces; nothing runs until the program is built and started.
 *
 * @param <T> the record type
 */
public class DataStream<T> {
  final StreamBuilder builder;
  final int id;

  DataStream(StreamBuilder builder, int id) {
    this.builder = builder;
    this.id = id;
  }

  /** The name of the operator producing this stream. */
  public String operatorName() {
    return builder.node(id).name();
  }

  /**
   * Names the operator producing this stream ({@code <program>/<name>}); names are unique and
   * become Flink operator uids, so keep them stable across versions of a job.
   */
  public DataStream<T> name(String name) {
    builder.rename(id, name);
    return this;
  }

  /** One output per record. Stateless. */
  public <O> DataStream<O> map(SerializableFunction<? super T, ? extends O> mapper) {
    builder.checkFunction(mapper, "mapper", "map");
    return new DataStream<>(builder, builder.add("map", (i, n) -> new StreamNode.Map(i, n, id, mapper)));
  }

  /** The records {@code predicate} accepts. Stateless. */
  public DataStream<T> filter(SerializablePredicate<? super T> predicate) {
    builder.checkFunction(predicate, "predicate", "filter");
    return new DataStream<>(builder, builder.add("filter", (i, n) -> new StreamNode.Filter(i, n, id, predicate)));
  }

  /** Zero or more outputs per record. Stateless. */
  public <O> DataStream<O> flatMap(FlatMapFunction<? super T, O> function) {
    builder.checkFunction(function, "function", "flatMap");
    return new DataStream<>(builder, builder.add("flat_map", (i, n) -> new StreamNode.FlatMap(i, n, id, function)));
  }

  /** A process function with timestamps, watermark and side outputs. */
  public <O> DataStream<O> process(ProcessFunction<? super T, O> function) {
    builder.checkFunction(function, "function", "process");
    return new DataStream<>(builder, builder.add("process", (i, n) -> new StreamNode.Process(i, n, id, function)));
  }

  /** Partitions by key: records of one key go to one place, in order; enables state and windows. */
  public <K> KeyedStream<T, K> keyBy(SerializableFunction<? super T, K> keySelector) {
    builder.checkFunction(keySelector, "keySelector", "keyBy");
    return new KeyedStream<>(builder, builder.add("key_by", (i, n) -> new StreamNode.KeyBy(i, n, id, keySelector)));
  }

  /** Replaces timestamps and watermarks with those of {@code watermarks}. */
  public DataStream<T> assignTimestampsAndWatermarks(WatermarkStrategy<T> watermarks) {
    Objects.requireNonNull(watermarks, "watermarks");
    watermarks.timestampAssigner().ifPresent(a -> builder.checkFunction(a, "timestampAssigner", "assignTimestampsAndWatermarks"));
    return new DataStream<>(builder, builder.add("timestamps", (i, n) -> new StreamNode.Timestamps(i, n, id, watermarks)));
  }

  /** This stream and {@code others} merged; the watermark is the minimum of the inputs'. */
  @SafeVarargs
  public final DataStream<T> union(DataStream<T>... others) {
    List<Integer> inputs = new ArrayList<>();
    inputs.add(id);
    for (DataStream<T> other : others) {
      builder.checkSame(other.builder, "union");
      inputs.add(other.id);
    }
    return new DataStream<>(builder, builder.add("union", (i, n) -> new StreamNode.Union(i, n, inputs)));
  }

  /**
   * Windows over the whole, unkeyed stream. All records meet in one place (parallelism 1 on a
   * cluster); prefer {@code keyBy(...).window(...)} when there is a key.
   */
  public WindowedStream<T, Void> windowAll(WindowSpec spec) {
    return new WindowedStream<>(builder, id, false, spec, 0, null);
  }

  /** Both streams processed by one two-input function. */
  public <B> ConnectedStreams<T, B> connect(DataStream<B> other) {
    builder.checkSame(other.builder, "connect");
    return new ConnectedStreams<>(builder, id, other.id);
  }

  /** A window join with {@code other}: {@code join(b).where(ka).equalTo(kb).window(spec).apply(fn)}. */
  public <B> WindowJoin.Where<T, B> join(DataStream<B> other) {
    builder.checkSame(other.builder, "join");
    return new WindowJoin.Where<>(this, other);
  }

  /** The records this stream's operator emitted to the side output {@code tag}. */
  public <X> DataStream<X> sideOutput(OutputTag<X> tag) {
    Objects.requireNonNull(tag, "tag");
    StreamNode node = builder.node(id);
    boolean emitsSideOutputs = node instanceof StreamNode.Process || node instanceof StreamNode.KeyedProcess
        || node instanceof StreamNode.CoProcess || node instanceof StreamNode.KeyedCoProcess
        || node instanceof StreamNode.Window;
    if (!emitsSideOutputs) {
      throw builder.invalid(List.of("side output '" + tag.id() + "' is read from '" + node.name()
          + "', which cannot emit side outputs; only process functions and windows (late data) can"));
    }
    return new DataStream<>(builder, builder.add("side_output_" + tag.id(),
        (i, n) -> new StreamNode.SideOutput(i, n, id, tag)));
  }

  /** Sends the records to {@code sink}; the returned handle can name the sink operator. */
  public StreamSink sink(Sink<? super T> sink) {
    Objects.requireNonNull(sink, "sink");
    return new StreamSink(builder, builder.add("sink", (i, n) -> new StreamNode.SinkNode(i, n, id, sink)));
  }

  @Override
  public String toString() {
    return "stream of '" + operatorName() + "'";
  }
}
