package io.solidstream.api.execution;

import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.stream.StreamRuntime;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What all steps of one run share: identity, event log, resources, cancellation flag and checks.
 *
 * @param runId the run's id
 * @param runTags the run's tags
 * @param events the run's event log
 * @param resources the run's resources
 * @param cancelled tells whether the run was cancelled
 * @param checkSerializable whether outputs must be Java-serializable (as on a cluster)
 * @param serializationHint why this runtime checks outputs and how to fix (or lift) the check,
 *     appended to the failure of a step whose output does not serialize; required when {@code
 *     checkSerializable}, e.g. {@code "the flink-minicluster runtime ships outputs to the next step
 *     Java-serialized; ..."}
 * @param streams the stream runtime that runs stream programs inside steps (see
 *     {@link io.solidstream.api.stream.StreamSolid})
 * @param outputStorage where the outputs of succeeded steps are stored, or {@code null}
 * @param parentOutputs for a re-execution, the parent run and the steps that run (the others'
 *     outputs are loaded from {@code outputStorage}); else {@code null}
 */
public record RunContext(
    String runId,
    Map<String, String> runTags,
    RunEvents events,
    RunResources resources,
    BooleanSupplier cancelled,
    boolean checkSerializable,
    String serializationHint,
    StreamRuntime streams,
    OutputStorage outputStorage,
    ParentOutputs parentOutputs) {

  /** Copies the tags. */
  public RunContext {
    runTags = Map.copyOf(runTags);
    java.util.Objects.requireNonNull(streams, "streams");
    if (checkSerializable) {
      java.util.Objects.requireNonNull(serializationHint, "serializationHint (required when checkSerializable)");
    }
    if (parentOutputs != null && outputStorage == null) {
      throw new IllegalArgumentException("Run " + runId + " re-executes run " + parentOutputs.parentRunId()
          + " but has no output storage to load the parent's outputs from; set RunRequest.builder().outputStorage(...)");
    }
  }

  /** A context that stores no outputs and is no re-execution. */
  public RunContext(String runId, Map<String, String> runTags, RunEvents events, RunResources resources,
      BooleanSupplier cancelled, boolean checkSerializable, String serializationHint, StreamRuntime streams) {
    this(runId, runTags, events, resources, cancelled, checkSerializable, serializationHint, streams, null, null);
  }

  /** Whether the concrete step {@code stepKey} runs, rather than loading its outputs from the parent run. */
  public boolean runs(String stepKey) {
    return parentOutputs == null || parentOutputs.runs(stepKey);
  }
}
