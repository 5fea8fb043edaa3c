package io.solidstream.api.solid;

import io.solidstream.api.config.ConfigType;
import io.solidstream.api.resource.ResourceKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What can be placed in a pipeline: a {@link SolidDefinition} or a composite solid (a sub-graph).
 */
public interface NodeDefinition {

  /** The definition's name, the default name of its invocations. */
  String name();

  /** A description, or the empty string. */
  String description();

  /** Tags, e.g. {@code owner=data-team}. */
  Map<String, String> tags();

  /** The inputs, in declaration order. */
  List<InputDef<?>> inputs();

  /** The outputs, in declaration order. */
  List<OutputDef<?>> outputs();

  /** The schema of {@code solids.<handle>.config}, or {@code null} if it takes none. */
  ConfigType configSchema();

  /** Every resource the definition needs, including those of inner solids. */
  List<ResourceKey<?>> requiredResources();

  /** The input named {@code name}. */
  default Optional<InputDef<?>> input(String name) {
    return inputs().stream().filter(i -> i.name().equals(name)).findFirst();
  }

  /** The output named {@code name}. */
  default Optional<OutputDef<?>> output(String name) {
    return outputs().stream().filter(o -> o.name().equals(name)).findFirst();
  }
}
