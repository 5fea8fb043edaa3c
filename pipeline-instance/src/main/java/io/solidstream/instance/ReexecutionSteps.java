package io.solidstream.instance;

import io.solidstream.api.event.RunEvent;
import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.run.OutputStorage;
import io.solidstream.api.run.ParentOutputs;
import io.solidstream.api.run.RunStatus;
import io.solidstream.api.run.StepStats;
import io.solidstream.api.run.StepStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out which steps a re-execution runs, from the parent run's plan and events, and checks
 * that the parent's output storage holds every output they read of the steps that do not run.
 */
final class ReexecutionSteps {
  private final ExecutionPlan plan;
  private final RunRecord parent;
  private final Map<String, StepStatus> statuses = new HashMap<>();
  /** Mapping keys of each dynamic output ({@code stepKey.output}) in the parent run, in order. */
  private final Map<String, List<String>> mappingKeys = new HashMap<>();
  /** Output names of each step in the parent run. */
  private final Map<String, Set<String>> outputNames = new HashMap<>();

  ReexecutionSteps(ExecutionPlan plan, RunRecord parent, List<RunEvent> parentEvents) {
    this.plan = plan;
    this.parent = parent;
    for (StepStats stats : StepStats.fromEvents(parentEvents)) {
      statuses.put(stats.stepKey(), stats.status());
    }
    for (RunEvent event : parentEvents) {
      if (event instanceof RunEvent.StepOutput output) {
        outputNames.computeIfAbsent(output.stepKey(), k -> new LinkedHashSet<>()).add(output.outputName());
        if (output.mappingKey() != null) {
          mappingKeys.computeIfAbsent(output.stepKey() + "." + output.outputName(), k -> new ArrayList<>())
              .add(output.mappingKey());
        }
      }
    }
  }

  /** The steps to run for {@code reexecution}. */
  Set<String> stepsToRun(Reexecution reexecution) {
    if (!reexecution.isFromFailure()) {
      return select(reexecution.steps());
    }
    if (parent.status() == RunStatus.SUCCESS) {
      throw new IllegalArgumentException("Run " + parent.runId() + " of pipeline '" + parent.pipelineName()
          + "' succeeded: there is no failure to re-execute from; re-execute chosen steps with"
          + " Reexecution.of(\"step\", ...)");
    }
    Set<String> whole = new LinkedHashSet<>();       // plain steps, or mapped steps with all their clones
    Map<String, Set<String>> clones = new HashMap<>(); // mapped step -> mapping keys of the clones that run
    for (ExecutionStep step : plan.steps()) {
      if (!step.isTemplate()) {
        boolean runs = !succeeded(step.key());
        for (String upstream : step.upstreamStepKeys()) {
          runs |= whole.contains(upstream) || !clones.getOrDefault(upstream, Set.of()).isEmpty();
        }
        if (runs) {
          whole.add(step.key());
        }
        continue;
      }
      String producer = producerOf(step.dynamicScope());
      boolean runsWhole = whole.contains(producer);
      Set<String> running = new LinkedHashSet<>();
      for (String upstream : step.upstreamStepKeys()) {
        ExecutionStep before = plan.step(upstream);
        if (before.isTemplate() && step.dynamicScope().equals(before.dynamicScope())) {
          running.addAll(clones.getOrDefault(upstream, Set.of()));
          runsWhole |= whole.contains(upstream);
        } else if (!upstream.equals(producer)) {
          runsWhole |= whole.contains(upstream) || !clones.getOrDefault(upstream, Set.of()).isEmpty();
        }
      }
      for (String key : mappingKeys.getOrDefault(step.dynamicScope(), List.of())) {
        if (!succeeded(step.key() + "[" + key + "]")) {
          running.add(key);
        }
      }
      if (runsWhole) {
        whole.add(step.key());
      } else if (!running.isEmpty()) {
        clones.put(step.key(), running);
      }
    }
    Set<String> result = new LinkedHashSet<>();
    for (ExecutionStep step : plan.steps()) {
      if (whole.contains(step.key())) {
        result.add(step.key());
      } else {
        for (String key : clones.getOrDefault(step.key(), Set.of())) {
          result.add(step.key() + "[" + key + "]");
        }
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException("Run " + parent.runId() + " of pipeline '" + parent.pipelineName()
          + "' is " + parent.status() + " but every step of it succeeded: there is no step to re-execute from"
          + " failure; re-execute chosen steps with Reexecution.of(\"step\", ...)");
    }
    return result;
  }

  /**
   * Resolves Dagster-style step selections: {@code *key} adds every step upstream of {@code key},
   * {@code key*} every step downstream, and each {@code +} one level; a clone key ({@code
   * measure[k]}) is taken as it is.
   */
  Set<String> select(Set<String> selections) {
    Map<String, Set<String>> downstream = new LinkedHashMap<>();
    Map<String, Set<String>> upstream = new LinkedHashMap<>();
    for (ExecutionStep step : plan.steps()) {
      Set<String> reads = new LinkedHashSet<>(step.upstreamStepKeys());
      if (step.isTemplate()) {
        reads.add(producerOf(step.dynamicScope()));
      }
      upstream.put(step.key(), reads);
      for (String read : reads) {
        downstream.computeIfAbsent(read, k -> new LinkedHashSet<>()).add(step.key());
      }
    }
    Set<String> result = new LinkedHashSet<>();
    for (String selection : selections) {
      String key = selection;
      int up = 0;
      int down = 0;
      while (!key.isEmpty() && (key.charAt(0) == '*' || key.charAt(0) == '+')) {
        up = key.charAt(0) == '*' ? Integer.MAX_VALUE : (up == Integer.MAX_VALUE ? up : up + 1);
        key = key.substring(1);
      }
      while (!key.isEmpty() && (key.endsWith("*") || key.endsWith("+"))) {
        down = key.endsWith("*") ? Integer.MAX_VALUE : (down == Integer.MAX_VALUE ? down : down + 1);
        key = key.substring(0, key.length() - 1);
      }
      if ((up > 0 || down > 0) && !upstream.containsKey(key)) {
        throw new IllegalArgumentException("Cannot re-execute '" + selection + "' of run " + parent.runId()
            + ": pipeline '" + parent.pipelineName() + "' has no step '" + key + "' (*, + apply to step keys,"
            + " not to clones); its steps: " + upstream.keySet());
      }
      result.add(key);
      walk(key, upstream, up, result);
      walk(key, downstream, down, result);
    }
    return result;
  }

  private static void walk(String from, Map<String, Set<String>> edges, int depth, Set<String> into) {
    Set<String> level = Set.of(from);
    for (int d = 0; d < depth && !level.isEmpty(); d++) {
      Set<String> next = new LinkedHashSet<>();
      for (String key : level) {
        for (String neighbour : edges.getOrDefault(key, Set.of())) {
          if (into.add(neighbour)) {
            next.add(neighbour);
          }
        }
      }
      level = next;
    }
  }

  /**
   * Checks that {@code storage} holds every parent output the steps to run read of steps that do
   * not run.
   *
   * @throws IllegalArgumentException naming each missing step output, the parent run and the fix
   */
  void checkParentOutputs(Set<String> stepsToRun, OutputStorage storage) {
    ParentOutputs parentOutputs = ParentOutputs.of(parent.runId(), stepsToRun);
    Set<String> needed = new LinkedHashSet<>();
    for (ExecutionStep step : plan.steps()) {
      if (!step.isTemplate()) {
        if (parentOutputs.runs(step.key())) {
          for (String upstream : step.upstreamStepKeys()) {
            need(upstream, null, needed);
          }
        }
        continue;
      }
      List<String> keys = mappingKeys.getOrDefault(step.dynamicScope(), List.of());
      boolean anyRuns = false;
      for (String key : keys) {
        if (parentOutputs.runs(step.key() + "[" + key + "]")) {
          anyRuns = true;
          for (String upstream : step.upstreamStepKeys()) {
            need(upstream, key, needed);
          }
        }
      }
      if (anyRuns || stepsToRun.contains(step.key())) {
        need(producerOf(step.dynamicScope()), null, needed);
      }
    }
    List<String> missing = new ArrayList<>();
    for (String key : needed) {
      if (!parentOutputs.runs(key) && storage.keys(parent.runId(), key).isEmpty()) {
        missing.add(key);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    StringBuilder message = new StringBuilder("Cannot re-execute run " + parent.runId() + " of pipeline '"
        + parent.pipelineName() + "': the steps to run read outputs of " + missing.size() + " step(s) that do not run,"
        + " and output storage " + storage.describe() + " holds none of theirs from run " + parent.runId() + ":");
    for (String key : missing) {
      StepStatus status = statuses.get(key);
      Set<String> outputs = outputNames.getOrDefault(key, Set.of());
      message.append("\n  - step '").append(key).append("'")
          .append(outputs.isEmpty() ? "" : " (outputs " + String.join(", ", outputs) + ")").append(": ")
          .append(status == StepStatus.SUCCESS
              ? "it succeeded, but its outputs were not stored (an in_memory output storage of another process,"
                  + " deleted files, or a value that is not serializable: see the run's WARN events)"
              : status == null ? "it did not run in that run" : "it is " + status + " in that run");
    }
    Set<String> fix = new LinkedHashSet<>(stepsToRun);
    fix.addAll(missing);
    message.append("\nRe-execute those steps too: Reexecution.of(\"").append(String.join("\", \"", fix))
        .append("\")").append(parent.status() == RunStatus.SUCCESS ? "" : ", or use Reexecution.fromFailure()")
        .append(", or run the pipeline anew.");
    throw new IllegalArgumentException(message.toString());
  }

  /** Adds the concrete keys of {@code upstream} (of the clone {@code mappingKey} when in its scope). */
  private void need(String upstream, String mappingKey, Set<String> needed) {
    ExecutionStep step = plan.step(upstream);
    if (!step.isTemplate()) {
      needed.add(upstream);
    } else if (mappingKey != null) {
      needed.add(upstream + "[" + mappingKey + "]");
    } else {
      for (String key : mappingKeys.getOrDefault(step.dynamicScope(), List.of())) {
        needed.add(upstream + "[" + key + "]");
      }
    }
  }

  private boolean succeeded(String stepKey) {
    return statuses.get(stepKey) == StepStatus.SUCCESS;
  }

  private static String producerOf(String scope) {
    return scope.substring(0, scope.lastIndexOf('.'));
  }
}
