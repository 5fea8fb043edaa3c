package io.solidstream.runtime.flink.pipeline;

import io.solidstream.api.execution.ExecutionPlan;
import io.solidstream.api.execution.ExecutionStep;
import io.solidstream.api.execution.InputResolution;
import io.solidstream.api.execution.OutputLookup;
import io.solidstream.api.execution.StepSource;
import io.solidstream.api.internal.SerializationCheck;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.InputDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one observer (a step operator, or the client) knows of a run: the nodes that finished, the
 * values they emitted and the mapping keys of dynamic outputs; and from that, the outcome of any
 * node and what a step must do. The rules are the in-process runtime's, so a run on Flink takes the
 * same decisions (skip after a failure, skip when a needed optional output is missing, a template
 * fails when one of its clones does).
 */
final class Progress {
  private final Map<String, String> scopes;
  private final boolean awaitTemplateSkips;
  private final ClassLoader classLoader;
  private final Map<String, StepDone> done = new HashMap<>();
  private final Map<StepOutputKey, byte[]> values = new HashMap<>();
  private final Map<StepOutputKey, Object> read = new HashMap<>();
  private final Map<String, List<String>> mappingKeys = new HashMap<>();

  /**
   * @param scopes the dynamic scope ({@code producer.output}) of every template step, by key
   * @param awaitTemplateSkips whether a template whose producer did not succeed is done only once
   *     its own skip message arrived (the client, which orders events), or at once (operators)
   * @param classLoader resolves the classes of output values
   */
  Progress(Map<String, String> scopes, boolean awaitTemplateSkips, ClassLoader classLoader) {
    this.scopes = Map.copyOf(scopes);
    this.awaitTemplateSkips = awaitTemplateSkips;
    this.classLoader = classLoader;
  }

  /** The dynamic scope of every template step of {@code plan}, by key. */
  static Map<String, String> templateScopes(ExecutionPlan plan) {
    Map<String, String> scopes = new LinkedHashMap<>();
    for (ExecutionStep step : plan.steps()) {
      if (step.isTemplate()) {
        scopes.put(step.key(), step.dynamicScope());
      }
    }
    return scopes;
  }

  /** The step producing the dynamic output of {@code scope} ({@code producer.output}). */
  static String producerOf(String scope) {
    return scope.substring(0, scope.lastIndexOf('.'));
  }

  /** Records a finished node. */
  void record(StepDone node) {
    done.put(node.node(), node);
    for (Map.Entry<StepOutputKey, byte[]> output : node.outputs().entrySet()) {
      StepOutputKey key = output.getKey();
      values.put(key, output.getValue());
      if (key.mappingKey() != null) {
        mappingKeys.computeIfAbsent(key.stepKey() + "." + key.outputName(), k -> new ArrayList<>())
            .add(key.mappingKey());
      }
    }
  }

  /** Whether {@code node} itself (not a template as a whole) was recorded. */
  boolean has(String node) {
    return done.containsKey(node);
  }

  /** The mapping keys emitted on a dynamic output ({@code producer.output}), in emission order. */
  List<String> mappingKeys(String scope) {
    return mappingKeys.getOrDefault(scope, List.of());
  }

  /**
   * How {@code key} ended, or {@code null} if that is not known yet. A template ended when its
   * producer did not succeed (it is skipped), or when every clone ended (it failed if one of them
   * failed or was skipped after a failure).
   */
  Outcome outcome(String key) {
    StepDone node = done.get(key);
    if (node != null) {
      return node.outcome();
    }
    String scope = scopes.get(key);
    if (scope == null) {
      return null;
    }
    Outcome producer = outcome(producerOf(scope));
    if (producer == null) {
      return null;
    }
    if (producer != Outcome.SUCCESS) {
      return awaitTemplateSkips ? null : producer == Outcome.SKIPPED ? Outcome.SKIPPED : Outcome.SKIPPED_AFTER_FAILURE;
    }
    boolean failed = false;
    for (String mappingKey : mappingKeys(scope)) {
      StepDone clone = done.get(key + "[" + mappingKey + "]");
      if (clone == null) {
        return null;
      }
      failed |= clone.outcome().failed();
    }
    return failed ? Outcome.FAILURE : Outcome.SUCCESS;
  }

  /** Whether the outcome of every step {@code step} reads is known. */
  boolean ready(ExecutionStep step) {
    for (String upstream : step.upstreamStepKeys()) {
      if (outcome(upstream) == null) {
        return false;
      }
    }
    return true;
  }

  /** What a ready concrete step must do: skip (with outcome and reason), or run with input values. */
  Decision decide(ExecutionStep step) {
    for (String upstream : step.upstreamStepKeys()) {
      if (outcome(upstream).failed()) {
        return new Decision(Outcome.SKIPPED_AFTER_FAILURE, "upstream step '" + upstream + "' did not succeed", null);
      }
    }
    for (InputDef<?> input : step.solid().inputs()) {
      if (!input.isOptional()
          && step.inputs().get(input.name()) instanceof StepSource.Collect collect
          && outcome(collect.stepKey()) == Outcome.SKIPPED) {
        return new Decision(Outcome.SKIPPED, "input '" + input.name() + "' collects the values of step '"
            + collect.stepKey() + "', which was skipped", null);
      }
    }
    InputResolution inputs = InputResolution.resolve(step, lookup);
    if (inputs.skipReason() != null) {
      return new Decision(Outcome.SKIPPED, inputs.skipReason(), null);
    }
    return new Decision(null, null, inputs.values());
  }

  /**
   * What a step does.
   *
   * @param skip the outcome when skipped, else {@code null}
   * @param reason why it is skipped
   * @param inputs its input values when it runs
   */
  record Decision(Outcome skip, String reason, Map<String, Object> inputs) {}

  /** The value of an output, deserialized once. */
  Object value(StepOutputKey key) {
    return read.computeIfAbsent(key, k -> SerializationCheck.deserialize(values.get(k), classLoader));
  }

  private final OutputLookup lookup = new OutputLookup() {
    @Override
    public boolean has(StepOutputKey key) {
      return values.containsKey(key);
    }

    @Override
    public Object get(StepOutputKey key) {
      return value(key);
    }

    @Override
    public List<StepOutputKey> collect(StepSource.Collect collect) {
      List<StepOutputKey> keys = new ArrayList<>();
      if (collect.dynamicOutput()) {
        for (String mappingKey : mappingKeys(collect.stepKey() + "." + collect.output())) {
          keys.add(new StepOutputKey(collect.stepKey(), collect.output(), mappingKey));
        }
      } else {
        String scope = scopes.get(collect.stepKey());
        for (String mappingKey : scope == null ? List.<String>of() : mappingKeys(scope)) {
          StepOutputKey key = StepOutputKey.of(collect.stepKey() + "[" + mappingKey + "]", collect.output());
          if (values.containsKey(key)) {
            keys.add(key);
          }
        }
      }
      return keys;
    }
  };
}
