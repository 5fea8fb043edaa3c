package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Builds the one Flink job of a run: a start source, one {@link StepOperator} per step of the plan
 * (uid and name: the step key), an edge per data dependency, and a collect sink gathering what
 * every operator sends the client.
 *
 * <p>Edges: a plain step reads its plain upstream steps directly (parallelism 1 to 1); for a
 * template it collects, it reads every clone's record and the template's producer (to know the
 * mapping keys). A template reads its producer and its plain upstream steps broadcast to all its
 * subtasks, and the templates of its own scope partitioned by mapping key. Steps without upstream
 * steps read the start source.
 */
final class PipelineJob {
  /** The uid and name of the start source. */
  static final String START = "run:start";

  private PipelineJob() {}

  /**
   * Adds the job of {@code plan} to {@code env}.
   *
   * @return the iterator over the serialized {@link ClientMessage}s of the run
   */
  static CloseableIterator<byte[]> build(StreamExecutionEnvironment env, ExecutionPlan plan, RunSpec run,
      int mappedParallelism) {
    DataStream<Tuple2<String, byte[]>> start = env
        .fromData(List.of(Tuple2.of("", new byte[0])), StepOperator.RECORD)
        .name(START).uid(START).setParallelism(1);
    Map<String, SingleOutputStreamOperator<Tuple2<String, byte[]>>> operators = new HashMap<>();
    List<DataStream<byte[]>> toClient = new ArrayList<>();
    for (ExecutionStep step : plan.steps()) {
      List<DataStream<Tuple2<String, byte[]>>> inputs = new ArrayList<>();
      Set<String> fed = new LinkedHashSet<>();
      if (step.isTemplate()) {
        feed(Progress.producerOf(step.dynamicScope()), step, run, operators, inputs, fed);
      }
      for (String upstream : step.upstreamStepKeys()) {
        feed(upstream, step, run, operators, inputs, fed);
      }
      if (inputs.isEmpty()) {
        inputs.add(start);
      }
      DataStream<Tuple2<String, byte[]>> input = inputs.get(0);
      for (DataStream<Tuple2<String, byte[]>> other : inputs.subList(1, inputs.size())) {
        input = input.union(other);
      }
      SingleOutputStreamOperator<Tuple2<String, byte[]>> operator = input
          .transform(step.key(), StepOperator.RECORD, new StepOperator(run, step))
          .uid(step.key())
          .setParallelism(step.isTemplate() ? mappedParallelism : 1);
      operators.put(step.key(), operator);
      toClient.add(operator.getSideOutput(StepOperator.CLIENT));
    }
    DataStream<byte[]> messages = toClient.get(0);
    for (DataStream<byte[]> other : toClient.subList(1, toClient.size())) {
      messages = messages.union(other);
    }
    return messages.collectAsync();
  }

  /** Adds the edge from {@code upstream} (and, for a collected template, from its producer). */
  private static void feed(String upstream, ExecutionStep reader, RunSpec run,
      Map<String, SingleOutputStreamOperator<Tuple2<String, byte[]>>> operators,
      List<DataStream<Tuple2<String, byte[]>>> inputs, Set<String> fed) {
    if (!fed.add(upstream)) {
      return;
    }
    DataStream<Tuple2<String, byte[]>> records = operators.get(upstream);
    String scope = run.scopes().get(upstream);
    if (scope != null && reader.isTemplate() && scope.equals(reader.dynamicScope())) {
      inputs.add(records.partitionCustom(StepOperator::owner, record -> record.f0));
      return;
    }
    inputs.add(reader.isTemplate() ? records.broadcast() : records.global());
    if (scope != null) {
      feed(Progress.producerOf(scope), reader, run, operators, inputs, fed);
    }
  }
}
