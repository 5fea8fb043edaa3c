package io.solidstream.api.execution;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.pipeline.PipelineDefinition;
import io.solidstream.api.run.RunRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of one run in dependency order, with config and inputs resolved: what every runtime
 * executes. Created by {@link #create}, which validates the run config (all errors at once) and
 * the solid selection.
 *
 * <p>Composites are flattened into their inner solids' steps. Steps mapped over a dynamic output
 * are templates, expanded per mapping key once the dynamic output is known.
 */
public final class ExecutionPlan implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PipelineDefinition pipeline;
  private final List<ExecutionStep> steps;
  private final Map<String, ExecutionStep> byKey;
  private final Map<String, ResourcePlan> resources;
  private final Set<String> selectedSolids;

  ExecutionPlan(
      PipelineDefinition pipeline,
      List<ExecutionStep> steps,
      Map<String, ResourcePlan> resources,
      Set<String> selectedSolids) {
    this.pipeline = pipeline;
    this.steps = List.copyOf(steps);
    Map<String, ExecutionStep> index = new LinkedHashMap<>();
    for (ExecutionStep step : steps) {
      index.put(step.key(), step);
    }
    this.byKey = Collections.unmodifiableMap(index);
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    this.selectedSolids = Collections.unmodifiableSet(new LinkedHashSet<>(selectedSolids));
  }

  /**
   * Plans a run of {@code pipeline}.
   *
   * @throws io.solidstream.api.config.RunConfigException listing every run config error
   * <p>For a re-execution ({@link RunRequest#parentOutputs()}), the plan holds the steps to run
   * and the steps whose outputs they read; the latter have no inputs and are loaded from the
   * parent run by {@link StepRunner}.
   *
   * @throws IllegalArgumentException if the solid selection is invalid, or a re-execution names
   *     a step the pipeline does not have or has no output storage
   */
  public static ExecutionPlan create(PipelineDefinition pipeline, RunRequest request) {
    return new Planner(pipeline, request).plan();
  }

  /**
   * The run config schema of a pipeline (all solids selected, no replacement resources), for
   * documentation and tooling.
   */
  public static ConfigType runConfigSchema(PipelineDefinition pipeline) {
    return new Planner(pipeline, RunRequest.defaults()).schema();
  }

  public PipelineDefinition pipeline() {
    return pipeline;
  }

  /** Every step (templates included) in dependency order. */
  public List<ExecutionStep> steps() {
    return steps;
  }

  /** The step with {@code key}. */
  public ExecutionStep step(String key) {
    ExecutionStep step = byKey.get(key);
    if (step == null) {
      throw new IllegalArgumentException("no step '" + key + "' in the plan; steps: " + byKey.keySet());
    }
    return step;
  }

  /** The template steps mapped over {@code scope} ({@code stepKey.output}), in dependency order. */
  public List<ExecutionStep> templatesOf(String scope) {
    List<ExecutionStep> result = new ArrayList<>();
    for (ExecutionStep step : steps) {
      if (scope.equals(step.dynamicScope())) {
        result.add(step);
      }
    }
    return result;
  }

  /** The resources the selected steps and their hooks need, by key name. */
  public Map<String, ResourcePlan> resources() {
    return resources;
  }

  /** The top-level solids that run. */
  public Set<String> selectedSolids() {
    return selectedSolids;
  }

  @Override
  public String toString() {
    return "ExecutionPlan{pipeline=" + pipeline.name() + ", steps=" + byKey.keySet() + "}";
  }
}
