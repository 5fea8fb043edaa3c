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
    StreamRuntime streams) {

  /** Copies the tags. */
  public RunContext {
    runTags = Map.copyOf(runTags);
    java.util.Objects.requireNonNull(streams, "streams");
  }
}
