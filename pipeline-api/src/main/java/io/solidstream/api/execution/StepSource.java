package io.solidstream.api.execution;

import io.solidstream.api.run.StepOutputKey;
import java.io.Serializable;
import java.util.List;

/**
 * Where a step input's value comes from in an execution plan: composites flattened, aliases and
 * run config resolved. Dynamic sources are expanded per mapping key at run time.
 */
public sealed interface StepSource extends Serializable {

  /** The value of one output of another step (a dynamic value when the key has a mapping key). */
  record FromStep(StepOutputKey output) implements StepSource {
    @Override
    public String toString() {
      return output.toString();
    }
  }

  /** A fixed value: from run config or the input's default. */
  record Constant(Object value, String origin) implements StepSource {
    @Override
    public String toString() {
      return origin;
    }
  }

  /** A list of values, one per element source, in order; unemitted elements are left out. */
  record FanIn(List<StepSource> sources) implements StepSource {
    /** Copies the sources. */
    public FanIn {
      sources = List.copyOf(sources);
    }

    @Override
    public String toString() {
      return sources.toString();
    }
  }

  /** In a template step: the value of the dynamic output for the step's mapping key. */
  record DynamicItem(String stepKey, String output) implements StepSource {
    @Override
    public String toString() {
      return "each value of " + stepKey + "." + output;
    }
  }

  /**
   * In a template step: output {@code output} of template step {@code stepKey} of the same
   * dynamic scope, for the same mapping key.
   */
  record FromTemplate(String stepKey, String output) implements StepSource {
    @Override
    public String toString() {
      return stepKey + "[*]." + output;
    }
  }

  /**
   * All values of {@code output} across the mapping keys: of a dynamic output when
   * {@code dynamicOutput}, else of the template step {@code stepKey} expanded per key.
   */
  record Collect(String stepKey, String output, boolean dynamicOutput) implements StepSource {
    @Override
    public String toString() {
      return stepKey + "." + output + ".collect()";
    }
  }

  /** No value: an optional input left unwired. */
  record Absent() implements StepSource {
    @Override
    public String toString() {
      return "nothing";
    }
  }
}
