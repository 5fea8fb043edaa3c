package io.solidstream.api.pipeline;

import io.solidstream.api.solid.NodeDefinition;
import io.solidstream.api.solid.RetryPolicy;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One use of a solid (or composite) in a graph: its name (the alias), its definition and where
 * each of its wired inputs comes from. Immutable.
 */
public final class SolidInvocation implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final NodeDefinition definition;
  private final Map<String, InputSource> inputs;
  private final List<HookDefinition> hooks;
  private final RetryPolicy retryPolicy;
  private final Map<String, String> tags;

  SolidInvocation(
      String name,
      NodeDefinition definition,
      Map<String, InputSource> inputs,
      List<HookDefinition> hooks,
      RetryPolicy retryPolicy,
      Map<String, String> tags) {
    this.name = name;
    this.definition = definition;
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    this.hooks = List.copyOf(hooks);
    this.retryPolicy = retryPolicy;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** The name of this use, unique in its graph: the alias, or the definition's name. */
  public String name() {
    return name;
  }

  public NodeDefinition definition() {
    return definition;
  }

  /** The wired inputs by input name; unwired inputs are absent. */
  public Map<String, InputSource> inputs() {
    return inputs;
  }

  /** Hooks attached to this use only. */
  public List<HookDefinition> hooks() {
    return hooks;
  }

  /** The retry policy set on this use, overriding the definition's. */
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.ofNullable(retryPolicy);
  }

  /** Tags of this use, added to the definition's. */
  public Map<String, String> tags() {
    return tags;
  }

  @Override
  public String toString() {
    return name.equals(definition.name()) ? "solid '" + name + "'" : "solid '" + name + "' (" + definition.name() + ")";
  }
}
