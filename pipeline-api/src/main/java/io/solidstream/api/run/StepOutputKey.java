package io.solidstream.api.run;

import java.io.Serializable;
import java.util.Objects;

/**
 * Identifies one output value of a run.
 *
 * @param stepKey the step that emitted it, e.g. {@code load} or {@code measure[file_3]}
 * @param outputName the output's name
 * @param mappingKey for values of a dynamic output, the mapping key; else {@code null}
 */
public record StepOutputKey(String stepKey, String outputName, String mappingKey) implements Serializable {
  /** Validates. */
  public StepOutputKey {
    Objects.requireNonNull(stepKey, "stepKey");
    Objects.requireNonNull(outputName, "outputName");
  }

  /** The key of a plain (non-dynamic) output. */
  public static StepOutputKey of(String stepKey, String outputName) {
    return new StepOutputKey(stepKey, outputName, null);
  }

  @Override
  public String toString() {
    return stepKey + "." + outputName + (mappingKey == null ? "" : "[" + mappingKey + "]");
  }
}
