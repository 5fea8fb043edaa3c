package io.solidstream.api.stream;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.pipeline.InvalidPipelineException;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import io.solidstream.api.stream.io.Source;
import io.solidstream.api.stream.time.TimeDomain;
import io.solidstream.api.stream.time.WatermarkStrategy;
import io.solidstream.api.stream.time.WindowSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Assembles a {@link StreamProgram}: add sources, transform the {@link DataStream}s they return,
 * send results to sinks; {@link #build()} validates and freezes.
 *
 * <p>Every operator gets a deterministic name {@code <program>/<kind>} (uniquified with
 * {@code _2}, {@code _3}, ...), which {@link DataStream#name(String)} overrides. User functions
 * are checked to be serializable when they are passed in.
 */
public final class StreamBuilder {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

  private final String programName;
  private final List<StreamNode> nodes = new ArrayList<>();
  private final Map<String, Integer> kindCounts = new HashMap<>();
  private final Set<Integer> userNamed = new HashSet<>();
  private boolean built;

  StreamBuilder(String programName) {
    if (programName == null || !NAME.matcher(programName).matches()) {
      throw new IllegalArgumentException(
          "Invalid stream program name '" + programName + "': use letters, digits, '_', '.' and '-'");
    }
    this.programName = programName;
  }

  /** Reads {@code source} without event time (processing-time programs). */
  public <T> DataStream<T> source(Source<T> source) {
    return source(source, WatermarkStrategy.noWatermarks());
  }

  /** Reads {@code source} with timestamps and watermarks per {@code watermarks}. */
  public <T> DataStream<T> source(Source<T> source, WatermarkStrategy<T> watermarks) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(watermarks, "watermarks");
    watermarks.timestampAssigner().ifPresent(a -> checkFunction(a, "timestampAssigner", "source"));
    int id = add("source", (i, name) -> new StreamNode.SourceNode(i, name, source, watermarks));
    return new DataStream<>(this, id);
  }

  /** The program's name. */
  public String programName() {
    return programName;
  }

  // ------------------------------------------------------------------ used by the stream classes

  interface NodeFactory {
    StreamNode create(int id, String name);
  }

  int add(String kind, NodeFactory factory) {
    if (built) {
      throw new IllegalStateException("stream program '" + programName + "' was already built; start a new builder");
    }
    int count = kindCounts.merge(kind, 1, Integer::sum);
    String name = programName + "/" + (count == 1 ? kind : kind + "_" + count);
    int id = nodes.size();
    nodes.add(factory.create(id, name));
    return id;
  }

  StreamNode node(int id) {
    return nodes.get(id);
  }

  void rename(int id, String userName) {
    if (userName == null || !NAME.matcher(userName).matches()) {
      throw new IllegalArgumentException(
          "Invalid operator name '" + userName + "': use letters, digits, '_', '.' and '-'");
    }
    String name = programName + "/" + userName;
    for (StreamNode node : nodes) {
      if (node.id() != id && node.name().equals(name)) {
        throw invalid(List.of("operator name '" + userName + "' is already used by another operator; names"
            + " must be unique (they become Flink operator uids)"));
      }
    }
    nodes.set(id, nodes.get(id).withName(name));
    userNamed.add(id);
  }

  void checkFunction(Object function, String parameter, String operation) {
    Objects.requireNonNull(function, parameter);
    SerializationCheck.checkSerializable(function,
        "\"" + parameter + "\" of " + operation + " in stream program '" + programName + "'");
  }

  void checkSame(StreamBuilder other, String operation) {
    if (other != this) {
      throw new IllegalArgumentException(operation + " combines streams of two programs ('" + programName
          + "' and '" + other.programName + "'); streams of one program must come from one builder");
    }
  }

  InvalidPipelineException invalid(List<String> problems) {
    return new InvalidPipelineException("stream program", programName, problems);
  }

  // ------------------------------------------------------------------ build

  /**
   * Validates and freezes the program.
   *
   * @throws InvalidPipelineException (message {@code Invalid stream program '<name>': ...}) for a
   *     program without sinks, unconsumed streams, event-time operations without timestamps or
   *     watermarks, duplicate collect sink names
   */
  public StreamProgram build() {
    List<String> problems = new ArrayList<>();
    Set<Integer> consumed = new HashSet<>();
    boolean anySink = false;
    Set<String> collectNames = new LinkedHashSet<>();
    for (StreamNode node : nodes) {
      consumed.addAll(node.inputs());
      if (node instanceof StreamNode.SinkNode sink) {
        anySink = true;
        if (sink.sink() instanceof Sink.Collect<?> collect && !collectNames.add(collect.name())) {
          problems.add("two collect sinks are named '" + collect.name() + "'; give each its own name");
        }
      }
    }
    if (!anySink) {
      problems.add("it has no sink; send a stream to one, e.g. stream.sink(Sinks.collect(\"out\"))");
    }
    for (StreamNode node : nodes) {
      if (!(node instanceof StreamNode.SinkNode) && !consumed.contains(node.id())) {
        problems.add("the output of '" + node.name() + "' goes nowhere; send it to a sink (.sink(...)) or"
            + " remove the operator");
      }
    }
    for (StreamNode node : nodes) {
      String eventTimeUse = eventTimeUse(node);
      if (eventTimeUse != null) {
        for (int input : node.inputs()) {
          checkEventTime(node, eventTimeUse, input, problems, new HashSet<>());
        }
      }
    }
    if (!problems.isEmpty()) {
      throw invalid(List.copyOf(new LinkedHashSet<>(problems)));
    }
    built = true;
    return new StreamProgram(programName, nodes);
  }

  private static String eventTimeUse(StreamNode node) {
    if (node instanceof StreamNode.Window window && window.spec().domain() == TimeDomain.EVENT_TIME) {
      return "event-time window";
    }
    if (node instanceof StreamNode.WindowJoin join && join.spec().domain() == TimeDomain.EVENT_TIME) {
      return "event-time window join";
    }
    if (node instanceof StreamNode.IntervalJoin) {
      return "interval join";
    }
    return null;
  }

  private void checkEventTime(StreamNode user, String use, int id, List<String> problems, Set<Integer> seen) {
    if (!seen.add(id)) {
      return;
    }
    StreamNode node = nodes.get(id);
    WatermarkStrategy<?> strategy = null;
    boolean sourceTimestamps = false;
    if (node instanceof StreamNode.SourceNode source) {
      strategy = source.watermarks();
      sourceTimestamps = source.source() instanceof Source.Collection<?> c && c.timestamps() != null
          || source.source() instanceof Source.Scripted<?>;
    } else if (node instanceof StreamNode.Timestamps timestamps) {
      strategy = timestamps.watermarks();
      sourceTimestamps = true;
    }
    if (strategy == null) {
      for (int input : node.inputs()) {
        checkEventTime(user, use, input, problems, seen);
      }
      return;
    }
    if (!strategy.hasEventTime()) {
      problems.add("'" + user.name() + "' is an " + use + ", but '" + node.name() + "' has no watermark strategy;"
          + " give it one, e.g. source(src, WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofSeconds(5))"
          + ".withTimestampAssigner(...)), or use processing time (WindowSpec...onProcessingTime())");
    } else if (strategy.timestampAssigner().isEmpty() && !sourceTimestamps) {
      problems.add("'" + user.name() + "' is an " + use + ", but the records of '" + node.name()
          + "' carry no timestamps; add .withTimestampAssigner((record, ts) -> ...) to its watermark strategy");
    }
  }

  @Override
  public String toString() {
    return "StreamBuilder{" + programName + ", " + nodes.size() + " operators}";
  }
}
