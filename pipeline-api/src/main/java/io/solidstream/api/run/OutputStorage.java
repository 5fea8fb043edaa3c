package io.solidstream.api.run;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the output values of succeeded steps are kept, per run and step, so that a later run can
 * re-execute part of a pipeline with the outputs of its parent run as inputs (see {@link
 * ParentOutputs}). Runtimes write through it while they run: give one to a run with {@link
 * RunRequest.Builder#outputStorage(OutputStorage)} (an instance does that for the runs it launches).
 *
 * <p>A step's outputs are written once the step succeeded, all at once: {@link #read} returns all
 * the outputs of a step or none. Implementations are thread-safe and serializable, because a
 * cluster ships them to the task managers that run the steps and write there (a filesystem storage
 * must then be on a path every task manager and the client can reach).
 *
 * <pre>{@code
 * OutputStorage storage = ...;                    // e.g. the instance's filesystem storage
 * storage.write(runId, "load", Map.of(StepOutputKey.of("load", "rows"), rows));
 * Optional<Map<StepOutputKey, Object>> outputs = storage.read(runId, "load", getClass().getClassLoader());
 * }</pre>
 */
public interface OutputStorage extends Serializable {

  /**
   * Stores every output a step emitted, in emission order, replacing what was stored for the same
   * run and step.
   *
   * @param runId the run that executed the step
   * @param stepKey the step's key, e.g. {@code load} or {@code measure[file_3]}
   * @param outputs the emitted values by output key (dynamic values with their mapping keys)
   * @throws IllegalArgumentException if a value cannot be stored (not serializable); nothing of
   *     the step is stored then
   * @throws java.io.UncheckedIOException if the storage cannot be written
   */
  void write(String runId, String stepKey, Map<StepOutputKey, Object> outputs);

  /**
   * The outputs stored for a step of a run, in emission order; empty if none were stored (the step
   * did not succeed in that run, or its outputs could not be stored).
   *
   * @param classLoader resolves the classes of the values (user code)
   * @throws java.io.UncheckedIOException if the storage cannot be read
   * @throws IllegalArgumentException if a stored value cannot be read back (class missing or changed)
   */
  Optional<Map<StepOutputKey, Object>> read(String runId, String stepKey, ClassLoader classLoader);

  /**
   * The keys of the outputs stored for a step of a run, in emission order, without reading the
   * values; empty if none were stored.
   */
  Optional<List<StepOutputKey>> keys(String runId, String stepKey);

  /** Deletes every output stored for a run; returns whether there was any. */
  boolean deleteRun(String runId);

  /** A short description for messages, e.g. {@code filesystem /var/solidstream/outputs}. */
  String describe();
}
