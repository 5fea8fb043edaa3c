package io.solidstream.api.pipeline;

import io.solidstream.api.solid.NodeDefinition;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable pipeline: a DAG of solid invocations, the resources they need and
 * pipeline-wide hooks. Runs on any {@code PipelineRuntime}.
 *
 * <pre>{@code
 * PipelineBuilder p = PipelineDefinition.builder("orders_etl");
 * SolidNode load = p.add(LOAD_ORDERS);
 * p.add(AGGREGATE).wire(AGG_ORDERS, load.output(ORDERS));
 * PipelineDefinition etl = p.build();
 * }</pre>
 */
public final class PipelineDefinition implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final String description;
  private final Map<String, String> tags;
  private final List<SolidInvocation> solids;
  private final Map<String, ResourceBinding> resources;
  private final List<HookDefinition> hooks;

  PipelineDefinition(
      String name,
      String description,
      Map<String, String> tags,
      List<SolidInvocation> solids,
      Map<String, ResourceBinding> resources,
      List<HookDefinition> hooks) {
    this.name = name;
    this.description = description;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    this.solids = List.copyOf(solids);
    this.resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
    this.hooks = List.copyOf(hooks);
  }

  /** A builder for a pipeline named {@code name} (letters, digits, {@code _}). */
  public static PipelineBuilder builder(String name) {
    return new PipelineBuilder(name);
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Map<String, String> tags() {
    return tags;
  }

  /** The top-level solid invocations, in the order they were added. */
  public List<SolidInvocation> solids() {
    return solids;
  }

  /** The top-level invocation named {@code name}. */
  public Optional<SolidInvocation> solid(String name) {
    return solids.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The resources by key name. */
  public Map<String, ResourceBinding> resources() {
    return resources;
  }

  /** Hooks attached to every solid. */
  public List<HookDefinition> hooks() {
    return hooks;
  }

  /** Each top-level solid mapped to the top-level solids it directly depends on. */
  public Map<String, Set<String>> dependencies() {
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    for (SolidInvocation solid : solids) {
      Set<String> upstream = new LinkedHashSet<>();
      for (InputSource source : solid.inputs().values()) {
        upstream.addAll(source.solids());
      }
      deps.put(solid.name(), Collections.unmodifiableSet(upstream));
    }
    return Collections.unmodifiableMap(deps);
  }

  /** Every definition used, including those inside composites, by name. */
  public Map<String, NodeDefinition> definitions() {
    Map<String, NodeDefinition> all = new LinkedHashMap<>();
    addDefinitions(solids, all);
    return Collections.unmodifiableMap(all);
  }

  private static void addDefinitions(List<SolidInvocation> invocations, Map<String, NodeDefinition> into) {
    for (SolidInvocation invocation : invocations) {
      into.putIfAbsent(invocation.definition().name(), invocation.definition());
      if (invocation.definition() instanceof CompositeSolidDefinition composite) {
        addDefinitions(composite.solids(), into);
      }
    }
  }

  @Override
  public String toString() {
    return "pipeline '" + name + "' (" + solids.size() + " solids)";
  }
}
