package io.solidstream.api.execution;

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
 */
public record RunContext(
    String runId,
    Map<String, String> runTags,
    RunEvents events,
    RunResources resources,
    BooleanSupplier cancelled,
    boolean checkSerializable,
    String serializationHint,
    StreamRuntime streams) {

  /** Copies the tags. */
  public RunContext {
    runTags = Map.copyOf(runTags);
    java.util.Objects.requireNonNull(streams, "streams");
    if (checkSerializable) {
      java.util.Objects.requireNonNull(serializationHint, "serializationHint (required when checkSerializable)");
    }
  }
}
