package io.solidstream.api.run;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Makes a run a re-execution of a parent run: only {@link #stepsToRun()} run; every output they
 * read of another step is loaded from the parent run's outputs in the run's {@link OutputStorage}.
 * Steps neither run nor read are left out of the run.
 *
 * <p>A step key names a plain step ({@code load}), a mapped step as a whole ({@code measure}: all
 * its clones run), or one clone of a mapped step ({@code measure[file_3]}: the other clones are
 * loaded). The mapping keys of a dynamic output come from the parent when its producer is not run.
 *
 * <pre>{@code
 * RunRequest.builder()
 *     .outputStorage(storage)
 *     .parentOutputs(ParentOutputs.of(parentRunId, Set.of("transform", "report")))
 *     .build();
 * }</pre>
 *
 * <p>Most callers use {@code Instance.reexecute(...)}, which computes the steps from the parent's
 * events and links the runs.
 *
 * @param parentRunId the run whose outputs are loaded
 * @param stepsToRun the keys of the steps that run
 */
public record ParentOutputs(String parentRunId, Set<String> stepsToRun) implements Serializable {

  /** Validates and copies. */
  public ParentOutputs {
    Objects.requireNonNull(parentRunId, "parentRunId");
    stepsToRun = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(stepsToRun, "stepsToRun")));
    if (stepsToRun.isEmpty()) {
      throw new IllegalArgumentException("A re-execution of run " + parentRunId + " must run at least one step;"
          + " name the steps to run");
    }
  }

  /** Re-executes {@code stepsToRun} of run {@code parentRunId}. */
  public static ParentOutputs of(String parentRunId, Set<String> stepsToRun) {
    return new ParentOutputs(parentRunId, stepsToRun);
  }

  /** Whether the concrete step {@code stepKey} runs (else its outputs are loaded from the parent). */
  public boolean runs(String stepKey) {
    return stepsToRun.contains(stepKey) || stepsToRun.contains(templateKey(stepKey));
  }

  /** The key of the mapped step a clone key belongs to ({@code measure} for {@code measure[k]}), else the key. */
  public static String templateKey(String stepKey) {
    int bracket = stepKey.lastIndexOf('[');
    return bracket > 0 && stepKey.endsWith("]") ? stepKey.substring(0, bracket) : stepKey;
  }
}
