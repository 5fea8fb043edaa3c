package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.event.RunEvent;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.execution.RunContext;
import io.solidstream.api.execution.RunEvents;
import io.solidstream.api.execution.RunResources;
import io.solidstream.api.execution.StepOutcome;
import io.solidstream.api.execution.StepRunner;
import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.StepOutputKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.OutputTag;

/**
 * The Flink operator of one step of the plan. It gathers the {@link StepDone} records of the steps
 * it reads, then runs the step through {@link StepRunner} (type checks, retries, hooks, events,
 * exactly as in-process) or skips it, and sends its own {@link StepDone} downstream and, with every
 * event of the step, to the client.
 *
 * <p>A plain step runs at parallelism 1 once. A template (a step mapped over a dynamic output) runs
 * at the run's mapped parallelism: every subtask receives the producer's record (broadcast) and
 * runs the clones of the mapping keys it owns ({@link #owner}); the records of clones of the same
 * scope are partitioned by mapping key, so clone {@code b[k]} runs where {@code a[k]} ran.
 *
 * <p>Resources are opened on first use by the steps of this operator, shared by the clones a
 * subtask runs, and closed when the operator finishes (or is cancelled).
 */
final class StepOperator extends AbstractStreamOperator<Tuple2<String, byte[]>>
    implements OneInputStreamOperator<Tuple2<String, byte[]>, Tuple2<String, byte[]>>, BoundedOneInput {
  private static final long serialVersionUID = 1L;

  /** The records between operators: the routing key (a clone's mapping key, else "") and a StepDone. */
  static final TypeInformation<Tuple2<String, byte[]>> RECORD =
      Types.TUPLE(Types.STRING, PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
  /** The side output to the client: serialized {@link ClientMessage}s. */
  static final OutputTag<byte[]> CLIENT =
      new OutputTag<>("solidstream-client", PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);

  private final RunSpec run;
  private final ExecutionStep step;

  private transient ClassLoader classLoader;
  private transient Progress progress;
  private transient RunResources resources;
  private transient RunEvents events;
  private transient ClusterStreams streams;
  private transient RunContext context;
  private transient Thread taskThread;
  private transient Queue<ClientMessage> fromOtherThreads;
  private transient volatile String currentNode;
  private transient boolean ran;
  private transient Set<String> ranKeys;
  private transient boolean resourcesClosed;
  private transient int subtask;
  private transient int parallelism;

  StepOperator(RunSpec run, ExecutionStep step) {
    this.run = run;
    this.step = step;
  }

  /** The subtask of a template operator running the clone of {@code mappingKey}. */
  static int owner(String mappingKey, int parallelism) {
    return Math.floorMod(mappingKey.hashCode(), parallelism);
  }

  @Override
  public void open() throws Exception {
    super.open();
    classLoader = getRuntimeContext().getUserCodeClassLoader();
    subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
    parallelism = getRuntimeContext().getTaskInfo().getNumberOfParallelSubtasks();
    progress = new Progress(run.scopes(), false, classLoader);
    resources = new RunResources(run.resources(), run.replacements(), run.runId());
    events = new RunEvents(List.of(this::forward));
    streams = new ClusterStreams(run.cluster(), run.clusterName());
    context = new RunContext(run.runId(), run.tags(), events, resources, () -> getContainingTask().isCanceled(), true,
        "the " + run.clusterName() + " runtime ships outputs to the next step Java-serialized; make the value's"
            + " class Serializable, or emit a serializable copy of its data (a record, a list, a map)",
        streams, run.outputStorage(), run.parentOutputs());
    taskThread = Thread.currentThread();
    fromOtherThreads = new ConcurrentLinkedQueue<>();
    ranKeys = new HashSet<>();
  }

  @Override
  public void processElement(StreamRecord<Tuple2<String, byte[]>> element) {
    byte[] payload = element.getValue().f1;
    if (payload.length > 0) {
      progress.record(SerializationCheck.deserialize(payload, classLoader));
    }
    advance();
  }

  /** Runs (or skips) whatever became ready. */
  private void advance() {
    if (!step.isTemplate()) {
      if (!ran && progress.ready(step)) {
        ran = true;
        execute(step, "");
      }
      return;
    }
    String scope = step.dynamicScope();
    String producer = Progress.producerOf(scope);
    Outcome produced = progress.outcome(producer);
    if (produced == null) {
      return;
    }
    if (produced != Outcome.SUCCESS) {
      if (!ran) {
        ran = true;
        if (subtask == 0) {
          skipTemplate(producer, produced);
        }
      }
      return;
    }
    for (String mappingKey : progress.mappingKeys(scope)) {
      if (owner(mappingKey, parallelism) != subtask || ranKeys.contains(mappingKey)) {
        continue;
      }
      ExecutionStep clone = step.forMappingKey(mappingKey);
      if (progress.ready(clone)) {
        ranKeys.add(mappingKey);
        execute(clone, mappingKey);
      }
    }
  }

  /** The template is skipped as a whole: its producer did not succeed (so there are no clones). */
  private void skipTemplate(String producer, Outcome produced) {
    currentNode = step.key();
    events.emit(new RunEvent.StepSkipped(run.runId(), Instant.now(), step.key(), step.solidHandle(),
        "the step '" + producer + "' producing the dynamic output it is mapped over did not succeed"));
    toClient(new ClientMessage.Done(
        StepDone.skipped(step.key(), produced == Outcome.SKIPPED ? Outcome.SKIPPED : Outcome.SKIPPED_AFTER_FAILURE)));
  }

  private void execute(ExecutionStep concrete, String routingKey) {
    currentNode = concrete.key();
    Progress.Decision decision = progress.decide(concrete);
    StepDone done;
    if (decision.skip() != null) {
      events.emit(new RunEvent.StepSkipped(run.runId(), Instant.now(), concrete.key(), concrete.solidHandle(),
          decision.reason()));
      done = StepDone.skipped(concrete.key(), decision.skip());
    } else {
      StepOutcome outcome = StepRunner.execute(concrete, decision.inputs(), context);
      flushOtherThreads();
      if (outcome.success()) {
        Map<StepOutputKey, byte[]> outputs = new LinkedHashMap<>();
        outcome.outputs().forEach((key, value) -> outputs.put(key, SerializationCheck.serialize(value)));
        done = new StepDone(concrete.key(), Outcome.SUCCESS, outputs, null, null);
      } else {
        done = new StepDone(concrete.key(), Outcome.FAILURE, Map.of(), serializeFailure(outcome.failure()),
            ErrorInfo.of(outcome.failure()));
      }
    }
    output.collect(new StreamRecord<>(Tuple2.of(routingKey, SerializationCheck.serialize(done))));
    toClient(new ClientMessage.Done(done));
  }

  private static byte[] serializeFailure(Throwable failure) {
    try {
      return SerializationCheck.serialize(failure);
    } catch (IllegalArgumentException e) {
      return null; // the client rebuilds it from its ErrorInfo
    }
  }

  /** Receives the events of this operator's steps; user code may emit them from its own threads. */
  private void forward(RunEvent event) {
    ClientMessage message = new ClientMessage.Event(currentNode, event);
    if (Thread.currentThread() == taskThread) {
      flushOtherThreads();
      toClient(message);
    } else {
      fromOtherThreads.add(message);
    }
  }

  private void flushOtherThreads() {
    ClientMessage message;
    while ((message = fromOtherThreads.poll()) != null) {
      toClient(message);
    }
  }

  private void toClient(ClientMessage message) {
    output.collect(CLIENT, new StreamRecord<>(SerializationCheck.serialize(message)));
  }

  @Override
  public void endInput() {
    List<String> missing = new ArrayList<>();
    if (!step.isTemplate()) {
      if (!ran) {
        missing.add(step.key());
      }
    } else if (progress.outcome(Progress.producerOf(step.dynamicScope())) == Outcome.SUCCESS) {
      for (String mappingKey : progress.mappingKeys(step.dynamicScope())) {
        if (owner(mappingKey, parallelism) == subtask && !ranKeys.contains(mappingKey)) {
          missing.add(step.key() + "[" + mappingKey + "]");
        }
      }
    } else if (!ran) {
      missing.add(step.key());
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException("steps " + missing + " never became ready: the records of some of the steps"
          + " they read did not arrive (a bug of the Flink pipeline runtime; please report it with the plan)");
    }
  }

  /** Closes the resources the steps opened; a failure to close is reported as in-process. */
  @Override
  public void finish() throws Exception {
    flushOtherThreads();
    resourcesClosed = true;
    for (Map.Entry<String, Throwable> failure : resources.closeAll().entrySet()) {
      events.emit(new RunEvent.LogMessage(run.runId(), Instant.now(), null, null, "ERROR",
          "Resource '" + failure.getKey() + "' failed to close: " + failure.getValue()));
    }
    super.finish();
  }

  @Override
  public void close() throws Exception {
    try {
      if (resources != null && !resourcesClosed) {
        // cancelled or failed: close what was opened; nobody is listening for events any more
        resourcesClosed = true;
        resources.closeAll().forEach((name, failure) ->
            LOG.warn("Resource '{}' of run {} failed to close: {}", name, run.runId(), failure.toString()));
      }
      if (streams != null) {
        streams.close();
      }
    } finally {
      super.close();
    }
  }
}
