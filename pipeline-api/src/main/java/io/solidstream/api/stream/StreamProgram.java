package io.solidstream.api.stream;

import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A validated, immutable stream program: a logical graph of sources, transformations and sinks.
 * Runs unchanged on every {@link StreamRuntime}.
 *
 * <pre>{@code
 * StreamBuilder b = StreamProgram.builder("click_counts");
 * b.source(Sources.timestamped(clicks), WatermarkStrategy.forMonotonousTimestamps())
 *     .keyBy(Click::user)
 *     .window(WindowSpec.tumbling(Duration.ofMinutes(1)))
 *     .aggregate(Aggregators.count(), (user, window, n) -> new UserCount(user, window.start(), n))
 *     .sink(Sinks.collect("counts"));
 * StreamProgram program = b.build();
 * }</pre>
 */
public final class StreamProgram implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<StreamNode> nodes;
  private final List<List<Integer>> consumers;

  StreamProgram(String name, List<StreamNode> nodes) {
    this.name = name;
    this.nodes = List.copyOf(nodes);
    List<List<Integer>> byNode = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      byNode.add(new ArrayList<>());
    }
    for (StreamNode node : nodes) {
      for (int input : node.inputs()) {
        byNode.get(input).add(node.id());
      }
    }
    List<List<Integer>> frozen = new ArrayList<>();
    for (List<Integer> list : byNode) {
      frozen.add(List.copyOf(list));
    }
    this.consumers = Collections.unmodifiableList(frozen);
  }

  /** A builder for a program named {@code name}; node names are prefixed with it. */
  public static StreamBuilder builder(String name) {
    return new StreamBuilder(name);
  }

  public String name() {
    return name;
  }

  /** Every node, in creation order (inputs always come before the nodes reading them). */
  public List<StreamNode> nodes() {
    return nodes;
  }

  /** The node with {@code id}. */
  public StreamNode node(int id) {
    return nodes.get(id);
  }

  /** The node named {@code name}. */
  public Optional<StreamNode> node(String name) {
    return nodes.stream().filter(n -> n.name().equals(name)).findFirst();
  }

  /** The ids of the nodes reading node {@code id}. */
  public List<Integer> consumers(int id) {
    return consumers.get(id);
  }

  /** Whether every source is bounded, so the program ends by itself. */
  public boolean isBounded() {
    return nodes.stream()
        .filter(StreamNode.SourceNode.class::isInstance)
        .allMatch(n -> ((StreamNode.SourceNode) n).source().isBounded());
  }

  /** The collect sinks, by name. */
  public List<Sink.Collect<?>> collectSinks() {
    List<Sink.Collect<?>> sinks = new ArrayList<>();
    for (StreamNode node : nodes) {
      if (node instanceof StreamNode.SinkNode sink && sink.sink() instanceof Sink.Collect<?> collect) {
        sinks.add(collect);
      }
    }
    return sinks;
  }

  @Override
  public String toString() {
    return "stream program '" + name + "' (" + nodes.size() + " operators)";
  }
}
