package io.solidstream.api.execution;

import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.pipeline.InvalidPipelineException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Checks, before a run starts, that everything of its plan a cluster ships to its workers
 * serializes: the solids and their compute functions, the hooks' functions, fixed input values,
 * the resource definitions and the replacement resources the run uses.
 *
 * <p>For runtimes: the in-process runtime uses it to fail exactly where a cluster would, a cluster
 * runtime to fail before submitting. Config mappings of composite solids are not checked: they
 * run on the client when the plan is made. Values found serializable are remembered (weakly), so a
 * runtime running the same pipeline again checks only what is new.
 *
 * <pre>{@code
 * PlanSerializability check = new PlanSerializability();
 * check.require(plan, Map.of(), "(the cluster ships these to its task managers; ...)");
 * }</pre>
 */
public final class PlanSerializability {
  private final Map<Object, Boolean> serializable = Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Fails with every value of {@code plan} (and of {@code replacements}) that would not serialize.
   *
   * @param replacements the replacement resources by name that the run ships, empty if none
   * @param hint a last line of the error: why these must serialize and how to avoid it
   * @throws InvalidPipelineException naming each value and why it does not serialize, then the hint
   */
  public void require(ExecutionPlan plan, Map<String, ?> replacements, String hint) {
    List<String> problems = new ArrayList<>();
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (ExecutionStep step : plan.steps()) {
      if (seen.add(step.solid())) {
        int before = problems.size();
        check(step.solid().compute(), "the compute function of solid '" + step.solid().name() + "'", problems);
        if (problems.size() == before) {
          check(step.solid(), "solid '" + step.solid().name() + "'", problems);
        }
      }
      for (HookDefinition hook : step.hooks()) {
        if (seen.add(hook)) {
          check(hook.function(), "the function of " + hook, problems);
        }
      }
      for (Map.Entry<String, StepSource> input : step.inputs().entrySet()) {
        if (input.getValue() instanceof StepSource.Constant constant) {
          check(constant.value(), "input '" + input.getKey() + "' of step '" + step.key() + "' (from "
              + constant.origin() + ")", problems);
        }
      }
    }
    for (Map.Entry<String, ResourcePlan> resource : plan.resources().entrySet()) {
      check(resource.getValue().binding().definition(), "resource '" + resource.getKey() + "'", problems);
    }
    replacements.forEach((name, replacement) -> check(replacement, "the replacement of resource '" + name + "' (a "
        + replacement.getClass().getName() + ", given to the RunRequest)", problems));
    Set<String> unique = new LinkedHashSet<>(problems);
    if (!unique.isEmpty()) {
      unique.add(hint);
      throw new InvalidPipelineException(plan.pipeline().name(), List.copyOf(unique));
    }
  }

  private void check(Object value, String description, List<String> problems) {
    if (value == null || serializable.containsKey(value)) {
      return;
    }
    Optional<String> problem = SerializationCheck.findProblem(value);
    if (problem.isPresent()) {
      problems.add(description + " must be serializable: " + problem.get());
    } else {
      serializable.put(value, Boolean.TRUE);
    }
  }
}
