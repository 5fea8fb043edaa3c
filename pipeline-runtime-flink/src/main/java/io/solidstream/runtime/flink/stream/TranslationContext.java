package io.solidstream.runtime.flink.stream;

import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.graph.StreamNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** The job being built: the environment and the Flink stream of every node translated so far. */
final class TranslationContext {
  private final StreamExecutionEnvironment env;
  private final StreamProgram program;
  private final String runtimeName;

  /** The name of the runtime translating (for messages). */
  String runtimeName() {
    return runtimeName;
  }
  private final int keyedParallelism;
  private final Map<Integer, DataStream<Object>> streams = new HashMap<>();
  private final Map<String, CloseableIterator<Object>> collectors = new LinkedHashMap<>();
  /** Streams whose every record an accumulator counts already: stream id to accumulator name. */
  private final Map<Integer, String> countedStreams = new HashMap<>();
  /** Counters read from others: accumulator name to the accumulators whose sum it is. */
  private final Map<String, List<String>> aliases = new LinkedHashMap<>();

  TranslationContext(StreamExecutionEnvironment env, StreamProgram program, String runtimeName, int keyedParallelism) {
    this.keyedParallelism = keyedParallelism;
    this.env = env;
    this.program = program;
    this.runtimeName = runtimeName;
  }

  StreamExecutionEnvironment env() {
    return env;
  }

  /** The parallelism of keyed operators ({@code StreamOptions.parallelism()}); the rest run at 1. */
  int keyedParallelism() {
    return keyedParallelism;
  }

  StreamProgram program() {
    return program;
  }

  /** The translation of node {@code id}. */
  DataStream<Object> stream(int id) {
    DataStream<Object> stream = streams.get(id);
    if (stream == null) {
      throw new IllegalStateException("node " + program.node(id).name() + " was not translated yet");
    }
    return stream;
  }

  /** The keyed stream of the KeyBy node {@code id}. */
  KeyedStream<Object, Object> keyed(int id, StreamNode reader) {
    if (stream(id) instanceof KeyedStream<?, ?> keyed) {
      @SuppressWarnings("unchecked")
      KeyedStream<Object, Object> typed = (KeyedStream<Object, Object>) keyed;
      return typed;
    }
    throw new IllegalStateException("operator '" + reader.name() + "' needs a keyed input, but '"
        + program.node(id).name() + "' is not a keyBy");
  }

  /**
   * The keyed stream of the KeyBy node {@code id}, partitioned anew after a chained map that
   * counts the records into {@code reader}'s {@code #in} counter (for operators whose Flink
   * functions cannot count their input: windows and joins). With {@code keepType} false the
   * records are typed ANY after the map: Flink's joins extract the types of our {@code Object}
   * key selectors and refuse them on streams of a specific type.
   */
  KeyedStream<Object, Object> keyedCounted(int id, StreamNode reader, String side, boolean keepType) {
    KeyedStream<Object, Object> keyed = keyed(id, reader);
    StreamNode.KeyBy keyBy = (StreamNode.KeyBy) program.node(id);
    DataStream<Object> input = stream(keyBy.input());
    DataStream<Object> counted = counted(input, reader, "/count-in" + side, keepType ? input.getType() : Functions.ANY);
    return counted == input ? keyed : counted.keyBy(keyed.getKeySelector(), Functions.ANY);
  }

  /**
   * {@code stream}, its records counted into {@code reader}'s {@code #in} counter: if an
   * accumulator counts them already (see {@link #countedBy}), the counter is read from that one
   * and {@code stream} is returned as it is, with no operator added; else through a chained map.
   */
  DataStream<Object> counted(DataStream<Object> stream, StreamNode reader, String uidSuffix) {
    return counted(stream, reader, uidSuffix, stream.getType());
  }

  private DataStream<Object> counted(DataStream<Object> stream, StreamNode reader, String uidSuffix,
      TypeInformation<Object> type) {
    if (type.equals(stream.getType()) && alias(reader.name() + Functions.IN, stream)) {
      return stream;
    }
    return stream.map(new Functions.CountOne(reader.name(), Functions.IN), type)
        .name(reader.name() + " (in)").uid(reader.name() + uidSuffix)
        .setParallelism(stream.getParallelism());
  }

  /**
   * Records that accumulator {@code accumulator} counts every record of {@code stream} (the main
   * output of the operator whose function increments it), so that readers of the stream can use
   * it instead of counting again.
   */
  void countedBy(DataStream<Object> stream, String accumulator) {
    countedStreams.put(stream.getId(), accumulator);
  }

  /** The accumulator counting every record of {@code stream}, if one does. */
  String counterOf(DataStream<Object> stream) {
    return countedStreams.get(stream.getId());
  }

  /**
   * Adds the accumulator counting {@code stream}'s records (if one does) to the sum read as
   * {@code counter}; returns whether it did. Each reader of a stream receives all its records, so
   * the counts are equal once the records have arrived.
   */
  boolean alias(String counter, DataStream<Object> stream) {
    String counting = counterOf(stream);
    if (counting == null) {
      return false;
    }
    aliases.computeIfAbsent(counter, name -> new ArrayList<>()).add(counting);
    return true;
  }

  /** Counters read from other accumulators: name to the accumulators whose sum it is (added to its own). */
  Map<String, List<String>> aliases() {
    return aliases;
  }

  void put(StreamNode node, DataStream<Object> stream) {
    streams.put(node.id(), stream);
  }

  /** Registers the records iterator of a collect sink. */
  void collect(String sinkName, CloseableIterator<Object> iterator) {
    collectors.put(sinkName, iterator);
  }

  Map<String, CloseableIterator<Object>> collectors() {
    return collectors;
  }

  /** A failure at start for a node (or a variant of it) this runtime cannot run. */
  UnsupportedOperationException unsupported(StreamNode node, String what) {
    return new UnsupportedOperationException("stream program '" + program.name() + "': operator '" + node.name()
        + "' is a " + node.getClass().getSimpleName() + " node, " + what + ", which the " + runtimeName
        + " runtime does not support");
  }
}
