package io.solidstream.instance;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which steps of a finished run a re-execution runs again; the outputs of the others that they
 * read are loaded from the parent run's output storage. Pass to {@link Instance#reexecute}.
 *
 * <ul>
 *   <li>{@link #fromFailure()}: the steps that did not succeed in the parent run (failed, skipped,
 *       never started) and every step downstream of them; for a step mapped over a dynamic output,
 *       only the clones that did not succeed (and their downstream), over the parent's mapping keys.
 *   <li>{@link #of(String...)}: the selected steps, by step key: {@code load}, a mapped step as a
 *       whole ({@code measure}) or one of its clones ({@code measure[file_3]}); as in Dagster's
 *       step selection, {@code *load} adds every step upstream of {@code load}, {@code load*}
 *       every step downstream, and each {@code +} one level ({@code load+}, {@code ++load}).
 * </ul>
 *
 * <pre>{@code
 * RunResult retry = instance.reexecute(etl, failedRunId, Reexecution.fromFailure());
 * RunResult again = instance.reexecute(etl, runId, Reexecution.of("transform", "report"));
 * RunResult rest = instance.reexecute(etl, runId, Reexecution.of("transform*"));   // and downstream
 * }</pre>
 */
public final class Reexecution {
  private static final Reexecution FROM_FAILURE = new Reexecution(null);

  /** The value of the {@link Instance#REEXECUTION_TAG} of a re-execution from failure. */
  public static final String FROM_FAILURE_TAG_VALUE = "from_failure";
  /** The value of the {@link Instance#REEXECUTION_TAG} of a re-execution of chosen steps. */
  public static final String STEPS_TAG_VALUE = "steps";

  private final Set<String> steps;

  private Reexecution(Set<String> steps) {
    this.steps = steps;
  }

  /** Runs the failed and skipped steps of the parent run and the steps downstream of them. */
  public static Reexecution fromFailure() {
    return FROM_FAILURE;
  }

  /**
   * Runs the selected steps (step keys, with {@code *} and {@code +} as in the class comment).
   *
   * @throws IllegalArgumentException if no step is given
   */
  public static Reexecution of(String... stepKeys) {
    return of(Arrays.asList(stepKeys));
  }

  /**
   * Runs the selected steps (step keys, with {@code *} and {@code +} as in the class comment).
   *
   * @throws IllegalArgumentException if no step is given
   */
  public static Reexecution of(Iterable<String> stepKeys) {
    Set<String> keys = new LinkedHashSet<>();
    for (String key : stepKeys) {
      keys.add(Objects.requireNonNull(key, "step key"));
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("Reexecution.of(...) needs at least one step key, e.g."
          + " Reexecution.of(\"load\"); to re-run what failed, use Reexecution.fromFailure()");
    }
    return new Reexecution(keys);
  }

  /** Whether this re-executes from the parent's failure. */
  public boolean isFromFailure() {
    return steps == null;
  }

  /** The chosen step keys; empty for {@link #fromFailure()}. */
  public Set<String> steps() {
    return steps == null ? Set.of() : Collections.unmodifiableSet(steps);
  }

  /** The value of the re-execution's {@link Instance#REEXECUTION_TAG}. */
  String tagValue() {
    return steps == null ? FROM_FAILURE_TAG_VALUE : STEPS_TAG_VALUE;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reexecution other && Objects.equals(steps, other.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(steps);
  }

  @Override
  public String toString() {
    return steps == null ? "Reexecution.fromFailure()" : "Reexecution.of(" + steps + ")";
  }
}
