package io.solidstream.api.execution;

import io.solidstream.api.config.Config;
import io.solidstream.api.pipeline.HookDefinition;
import io.solidstream.api.run.StepOutputKey;
import io.solidstream.api.solid.RetryPolicy;
import io.solidstream.api.solid.SolidDefinition;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One step of an execution plan: a solid invocation with its resolved config, input sources,
 * retry policy and hooks. Immutable.
 *
 * <p>A step mapped over a dynamic output is a <em>template</em> ({@link #dynamicScope()} set):
 * at run time it is expanded into one concrete step per mapping key with
 * {@link #forMappingKey(String)}.
 */
public final class ExecutionStep implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String solidHandle;
  private final SolidDefinition solid;
  private final Config config;
  private final Map<String, StepSource> inputs;
  private final RetryPolicy retryPolicy;
  private final List<HookDefinition> hooks;
  private final Map<String, String> tags;
  private final String dynamicScope;
  private final String mappingKey;
  private final Set<String> upstreamStepKeys;

  ExecutionStep(
      String key,
      String solidHandle,
      SolidDefinition solid,
      Config config,
      Map<String, StepSource> inputs,
      RetryPolicy retryPolicy,
      List<HookDefinition> hooks,
      Map<String, String> tags,
      String dynamicScope,
      String mappingKey) {
    this.key = key;
    this.solidHandle = solidHandle;
    this.solid = solid;
    this.config = config;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.retryPolicy = retryPolicy;
    this.hooks = List.copyOf(hooks);
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    this.dynamicScope = dynamicScope;
    this.mappingKey = mappingKey;
    Set<String> upstream = new LinkedHashSet<>();
    for (StepSource source : this.inputs.values()) {
      addUpstream(source, upstream);
    }
    this.upstreamStepKeys = Collections.unmodifiableSet(upstream);
  }

  /** The step key: the solid handle, plus {@code [mappingKey]} for expanded dynamic steps. */
  public String key() {
    return key;
  }

  /** The solid's handle, e.g. {@code ingest.load}. */
  public String solidHandle() {
    return solidHandle;
  }

  public SolidDefinition solid() {
    return solid;
  }

  /** The solid's validated config. */
  public Config config() {
    return config;
  }

  /** Where each input comes from, by input name (every declared input is present). */
  public Map<String, StepSource> inputs() {
    return inputs;
  }

  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The hooks to run: the pipeline's and the invocation's. */
  public List<HookDefinition> hooks() {
    return hooks;
  }

  /** The definition's and the invocation's tags. */
  public Map<String, String> tags() {
    return tags;
  }

  /**
   * For a template step, the dynamic output it is mapped over, as {@code stepKey.output};
   * {@code null} for ordinary and expanded steps.
   */
  public String dynamicScope() {
    return dynamicScope;
  }

  /** Whether this step must be expanded per mapping key before it can run. */
  public boolean isTemplate() {
    return dynamicScope != null;
  }

  /** For an expanded step, its mapping key; else {@code null}. */
  public String mappingKey() {
    return mappingKey;
  }

  /** The keys of the steps whose outputs this step reads (for a template: as templates). */
  public Set<String> upstreamStepKeys() {
    return upstreamStepKeys;
  }

  private static void addUpstream(StepSource source, Set<String> keys) {
    if (source instanceof StepSource.FromStep from) {
      keys.add(from.output().stepKey());
    } else if (source instanceof StepSource.FanIn fanIn) {
      fanIn.sources().forEach(s -> addUpstream(s, keys));
    } else if (source instanceof StepSource.DynamicItem item) {
      keys.add(item.stepKey());
    } else if (source instanceof StepSource.FromTemplate template) {
      keys.add(template.stepKey());
    } else if (source instanceof StepSource.Collect collect) {
      keys.add(collect.stepKey());
    }
  }

  /**
   * This step without inputs: a step of a re-execution whose outputs are loaded from the parent
   * run needs none, so it waits for no upstream step.
   */
  ExecutionStep withoutInputs() {
    return new ExecutionStep(key, solidHandle, solid, config, Map.of(), retryPolicy, hooks, tags, dynamicScope, mappingKey);
  }

  /** The concrete step of this template for one mapping key. */
  public ExecutionStep forMappingKey(String mappingKey) {
    if (!isTemplate()) {
      throw new IllegalStateException("step '" + key + "' is not mapped over a dynamic output");
    }
    Map<String, StepSource> concrete = new LinkedHashMap<>();
    for (Map.Entry<String, StepSource> entry : inputs.entrySet()) {
      concrete.put(entry.getKey(), concretize(entry.getValue(), mappingKey));
    }
    return new ExecutionStep(
        key + "[" + mappingKey + "]", solidHandle, solid, config, concrete, retryPolicy, hooks, tags, null, mappingKey);
  }

  private static StepSource concretize(StepSource source, String mappingKey) {
    if (source instanceof StepSource.DynamicItem item) {
      return new StepSource.FromStep(new StepOutputKey(item.stepKey(), item.output(), mappingKey));
    }
    if (source instanceof StepSource.FromTemplate template) {
      return new StepSource.FromStep(StepOutputKey.of(template.stepKey() + "[" + mappingKey + "]", template.output()));
    }
    if (source instanceof StepSource.FanIn fanIn) {
      List<StepSource> elements = new ArrayList<>();
      for (StepSource element : fanIn.sources()) {
        elements.add(concretize(element, mappingKey));
      }
      return new StepSource.FanIn(elements);
    }
    return source;
  }

  @Override
  public String toString() {
    return "step '" + key + "'";
  }
}
