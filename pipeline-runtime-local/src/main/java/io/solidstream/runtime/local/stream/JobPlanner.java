package io.solidstream.runtime.local.stream;

import io.solidstream.api.stream.StreamOptions;
import io.solidstream.api.stream.StreamProgram;
import io.solidstream.api.stream.graph.StreamNode;
import io.solidstream.api.stream.io.Sink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a program's logical graph into tasks of physical operators.
 *
 * <p>Parallelism: sources run once; every keyed operation (reading a {@code keyBy}) runs {@code
 * parallelism} instances; {@code windowAll} and file sinks run once; every other operator runs as
 * many instances as its inputs if they agree, else once.
 *
 * <p>Edges: an operator reads an input with the same parallelism directly (chained, same thread),
 * unless it is a keyed operation running in parallel: then records are hash-partitioned by key
 * ({@link ExchangeOutput#partition}) across tasks. An operator with fewer instances than its input
 * gathers it through an exchange. Operators connected by direct edges form a task group; a
 * group's instance {@code k} is one task (one thread); all groups with sources share the driver
 * task. With parallelism 1 everything is one task on the driver thread.
 */
final class JobPlanner {
  private JobPlanner() {}

  /** The tasks of a job and its operator instances by name, in program order. */
  record Plan(Task driver, List<Task> workers, Map<String, List<StreamOperator>> operators) {}

  static Plan plan(StreamProgram program, StreamOptions options,
      Map<Class<? extends StreamNode>, OperatorFactory> registry, String runtimeName,
      Map<String, List<Object>> collected) {
    List<StreamNode> nodes = program.nodes();
    int count = nodes.size();
    int parallelism = options.parallelism();
    int[] par = new int[count];
    for (StreamNode node : nodes) {
      par[node.id()] = parallelismOf(node, par, parallelism);
    }

    Translation translation = new Translation(program, options, collected);
    StreamOperator[][] instances = new StreamOperator[count][];
    Map<String, List<StreamOperator>> byName = new LinkedHashMap<>();
    for (StreamNode node : nodes) {
      OperatorFactory factory = registry.get(node.getClass());
      if (factory == null) {
        throw new UnsupportedOperationException("stream program '" + program.name() + "': operator '" + node.name()
            + "' is a " + node.getClass().getSimpleName() + " node, which the " + runtimeName
            + " runtime does not support");
      }
      instances[node.id()] = new StreamOperator[par[node.id()]];
      for (int k = 0; k < par[node.id()]; k++) {
        instances[node.id()][k] = factory.create(node, translation);
      }
      byName.put(node.name(), List.of(instances[node.id()]));
    }

    int[] group = new int[count];
    for (int i = 0; i < count; i++) {
      group[i] = i;
    }
    for (StreamNode node : nodes) {
      for (int input : node.inputs()) {
        if (isDirect(program, node, input, par)) {
          union(group, node.id(), input);
        }
      }
    }

    Task driver = new Task(program.name() + "/driver",
        new TaskContext(options.manualProcessingTime(), options.processingTimeStart()));
    boolean[] drivenGroup = new boolean[count];
    for (StreamNode node : nodes) {
      if (node instanceof StreamNode.SourceNode) {
        drivenGroup[find(group, node.id())] = true;
      }
    }
    Map<Integer, Task[]> groupTasks = new HashMap<>();
    List<Task> workers = new ArrayList<>();
    Task[][] taskOf = new Task[count][];
    for (StreamNode node : nodes) {
      int id = node.id();
      int root = find(group, id);
      taskOf[id] = new Task[par[id]];
      if (drivenGroup[root]) {
        taskOf[id][0] = driver;
      } else {
        Task[] tasks = groupTasks.computeIfAbsent(root, r -> {
          Task[] created = new Task[par[id]];
          for (int k = 0; k < created.length; k++) {
            created[k] = new Task(program.name() + "/" + shortName(program, nodes.get(r)) + "#" + k,
                new TaskContext(options.manualProcessingTime(), options.processingTimeStart()));
            workers.add(created[k]);
          }
          return created;
        });
        System.arraycopy(tasks, 0, taskOf[id], 0, par[id]);
      }
      for (int k = 0; k < par[id]; k++) {
        taskOf[id][k].operators.add(instances[id][k]);
        if (instances[id][k] instanceof SourceOperator source) {
          taskOf[id][k].sources.add(source);
        }
      }
    }

    for (StreamNode consumer : nodes) {
      List<Integer> inputs = consumer.inputs();
      for (int i = 0; i < inputs.size(); i++) {
        int producer = inputs.get(i);
        String tag = consumer instanceof StreamNode.SideOutput side ? side.tag().id() : null;
        StreamOperator[] from = instances[producer];
        StreamOperator[] to = instances[consumer.id()];
        if (isDirect(program, consumer, producer, par)) {
          for (int k = 0; k < to.length; k++) {
            Output output = Output.chained(to[k], i, to[k].addChannel(i));
            connect(from[k], tag, output);
          }
        } else {
          Function<Object, Object> keySelector = isHashed(program, consumer, producer)
              ? translation.keySelector(producer, consumer) : null;
          for (int j = 0; j < from.length; j++) {
            ExchangeOutput.Target[] targets = new ExchangeOutput.Target[to.length];
            for (int k = 0; k < to.length; k++) {
              Task task = taskOf[consumer.id()][k];
              task.inboundChannels++;
              targets[k] = new ExchangeOutput.Target(task.inbox, to[k], i, to[k].addChannel(i));
            }
            ExchangeOutput exchange = new ExchangeOutput(program.node(producer).name(), keySelector, targets);
            connect(from[j], tag, exchange);
            taskOf[producer][j].context.addExchange(exchange);
          }
        }
      }
    }
    return new Plan(driver, List.copyOf(workers), byName);
  }

  private static void connect(StreamOperator producer, String sideTag, Output output) {
    if (sideTag == null) {
      producer.addOutput(output);
    } else {
      producer.addSideOutput(sideTag, output);
    }
  }

  private static String shortName(StreamProgram program, StreamNode node) {
    String prefix = program.name() + "/";
    return node.name().startsWith(prefix) ? node.name().substring(prefix.length()) : node.name();
  }

  private static int parallelismOf(StreamNode node, int[] par, int parallelism) {
    if (node instanceof StreamNode.SourceNode) {
      return 1;
    }
    if (node instanceof StreamNode.KeyBy keyBy) {
      return par[keyBy.input()];
    }
    if (isKeyedOperation(node)) {
      return parallelism;
    }
    if (node instanceof StreamNode.Window || node instanceof StreamNode.SinkNode sink
        && (sink.sink() instanceof Sink.TextFile<?> || sink.sink() instanceof Sink.JsonLines<?>
            || sink.sink() instanceof Sink.TextFiles<?> || sink.sink() instanceof Sink.JsonLinesFiles<?>)) {
      return 1;
    }
    int common = -1;
    for (int input : node.inputs()) {
      if (common == -1) {
        common = par[input];
      } else if (common != par[input]) {
        return 1;
      }
    }
    return common == -1 ? 1 : common;
  }

  /** Operations that read {@code keyBy} nodes and keep state per key. */
  private static boolean isKeyedOperation(StreamNode node) {
    return node instanceof StreamNode.Reduce || node instanceof StreamNode.Aggregate
        || node instanceof StreamNode.KeyedProcess || node instanceof StreamNode.KeyedCoProcess
        || node instanceof StreamNode.WindowJoin || node instanceof StreamNode.IntervalJoin
        || node instanceof StreamNode.Window window && window.keyed();
  }

  private static boolean isHashed(StreamProgram program, StreamNode consumer, int producer) {
    return isKeyedOperation(consumer) && program.node(producer) instanceof StreamNode.KeyBy;
  }

  private static boolean isDirect(StreamProgram program, StreamNode consumer, int producer, int[] par) {
    int instances = par[consumer.id()];
    return par[producer] == instances && !(instances > 1 && isHashed(program, consumer, producer));
  }

  private static int find(int[] group, int i) {
    while (group[i] != i) {
      group[i] = group[group[i]];
      i = group[i];
    }
    return i;
  }

  private static void union(int[] group, int a, int b) {
    int ra = find(group, a);
    int rb = find(group, b);
    if (ra != rb) {
      group[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
