package io.solidstream.api.pipeline;

import io.solidstream.api.resource.ResourceDefinition;
import io.solidstream.api.resource.ResourceKey;
import io.solidstream.api.solid.NodeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Assembles a {@link PipelineDefinition}: add solids, wire them, provide resources, attach hooks;
 * {@link #build()} validates everything at once and freezes the result.
 */
public final class PipelineBuilder {
  private final String name;
  private final GraphAssembler graph;
  private String description = "";
  private final Map<String, String> tags = new LinkedHashMap<>();
  private final Map<String, ResourceBinding> resources = new LinkedHashMap<>();
  private final List<HookDefinition> hooks = new ArrayList<>();

  PipelineBuilder(String name) {
    this.name = GraphAssembler.checkName("pipeline", name);
    this.graph = new GraphAssembler("pipeline", name);
  }

  /** A description for docs and the CLI. */
  public PipelineBuilder description(String description) {
    this.description = Objects.requireNonNull(description, "description");
    return this;
  }

  /** Adds a tag, copied onto every run of the pipeline. */
  public PipelineBuilder tag(String key, String value) {
    tags.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    return this;
  }

  /** Adds a use of {@code definition} named after it. */
  public SolidNode add(NodeDefinition definition) {
    return graph.add(definition, definition.name());
  }

  /** Adds a use of {@code definition} under {@code alias}, e.g. the same solid twice. */
  public SolidNode add(NodeDefinition definition, String alias) {
    return graph.add(definition, alias);
  }

  /** Provides the resource {@code key} to the pipeline's solids and hooks. */
  public <T> PipelineBuilder resource(ResourceKey<T> key, ResourceDefinition<? extends T> definition) {
    Objects.requireNonNull(key, "key");
    ResourceBinding previous = resources.putIfAbsent(key.name(), new ResourceBinding(key, definition));
    if (previous != null) {
      throw graph.invalid("resource '" + key.name() + "' is provided twice; provide each key once");
    }
    return this;
  }

  /** Attaches a hook to every solid of the pipeline. */
  public PipelineBuilder hook(HookDefinition hook) {
    hooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Validates and freezes the pipeline.
   *
   * @throws InvalidPipelineException listing every problem: cycles, unwired inputs, unknown names,
   *     type mismatches, missing resources, misuse of dynamic outputs
   */
  public PipelineDefinition build() {
    List<String> problems = graph.validate(Map.of(), List.of());
    List<SolidInvocation> solids = graph.freeze();
    problems.addAll(ResourceCheck.check(solids, hooks, resources));
    if (!problems.isEmpty()) {
      throw graph.invalid(problems);
    }
    return new PipelineDefinition(name, description, tags, solids, resources, hooks);
  }
}
