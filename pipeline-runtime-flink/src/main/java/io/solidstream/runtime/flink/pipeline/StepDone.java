package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.event.ErrorInfo;
import io.solidstream.api.run.StepOutputKey;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node of the plan has finished: sent downstream to the operators that read it and to the
 * client. Output values travel Java-serialized (the contract of {@code StepRunner}'s output check),
 * each on its own, so a reader deserializes only the values it reads, with its own class loader.
 *
 * @param node the step key ({@code load}, {@code measure[file_3]}), or a template's key when the
 *     template as a whole was skipped
 * @param outcome how it ended
 * @param outputs the serialized values it emitted, in emission order (empty unless it succeeded)
 * @param failure the serialized failure (a {@code UserCodeException}), or {@code null} if it did
 *     not fail or its failure could not be serialized
 * @param failureInfo the failure's description, or {@code null} if it did not fail
 */
record StepDone(String node, Outcome outcome, Map<StepOutputKey, byte[]> outputs, byte[] failure,
    ErrorInfo failureInfo) implements Serializable {

  /** Keeps the emission order of the outputs. */
  StepDone {
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  /** A node that did not run. */
  static StepDone skipped(String node, Outcome outcome) {
    return new StepDone(node, outcome, Map.of(), null, null);
  }
}
